package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.testing.Cases;

/** docs/RULES.md is generated from the rules; it must never go stale. */
class RuleCatalogTest {

    @Test
    void docsRulesMdMatchesTheRules() throws IOException {
        String expected = RuleCatalog.markdown(Cases.bundledAdvisor());
        String actual = Files.readString(Path.of("docs/RULES.md"));
        assertThat(actual).as("docs/RULES.md is stale; regenerate it with: " + RuleCatalog.COMMAND).isEqualTo(expected);
    }

    @Test
    void theCatalogSaysWhatEachRuleDoes() {
        RuleInfo ci09 = Cases.bundledAdvisor().rules().stream().filter(r -> r.id().equals("CI-09")).findFirst().orElseThrow();
        assertThat(ci09.layer()).isEqualTo("contraindications");
        assertThat(ci09.effects()).containsExactly("excludes DEEP_TISSUE", "excludes HOT_STONE", "limits pressure to LIGHT",
                "warns ACUTE_INFLAMMATION");
        assertThat(Cases.bundledAdvisor().rules()).allSatisfy(r -> assertThat(r.effects()).as(r.id()).isNotEmpty());
    }

    @Test
    void theCommandLineWritesTheSameCatalog() {
        Cli cli = Cli.run("--list-rules", "--format", "markdown");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(RuleCatalog.markdown(Cases.bundledAdvisor()));
        assertThat(Cli.run("--format", "markdown", "examples/chronic-piriformis.json").exitCode()).isEqualTo(2);
    }
}
