package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.testing.Cases;

/** docs/CLINICAL-BASIS.md is generated from the rules and the sources registry; it must never go stale. */
class ClinicalBasisTest {

    @Test
    void docsClinicalBasisMdMatchesTheRulesAndTheRegistry() throws IOException {
        SciaticaAdvisor advisor = Cases.bundledAdvisor();
        String expected = ClinicalBasis.markdown(advisor);
        String actual = Files.readString(Path.of("docs/CLINICAL-BASIS.md"));
        assertThat(actual).as("docs/CLINICAL-BASIS.md is stale; regenerate it with: " + ClinicalBasis.COMMAND).isEqualTo(expected);
    }

    @Test
    void everyRuleCitesAPublicationWithALinkOrANamedPolicy() {
        for (RuleInfo rule : Cases.bundledAdvisor().rules()) {
            assertThat(rule.source().isPolicy() || rule.source().url().startsWith("http"))
                    .as(rule.id() + " cites " + rule.sourceId()).isTrue();
            assertThat(rule.source().takes()).as(rule.id()).isNotBlank();
        }
    }

    @Test
    void theCommandLineWritesTheSamePage() {
        SciaticaAdvisor advisor = Cases.bundledAdvisor();
        Cli cli = Cli.run("--clinical-basis");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(ClinicalBasis.markdown(advisor));
    }
}
