package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.Source;

/**
 * The bundled sources registry ({@code rules/sources.csv}) as a reviewing clinician needs it: every
 * citation says where its claim stands and opens at the publisher's current https address (or a
 * DOI, or an archive that says it is one), and every entry earns its place: a bundled rule cites
 * it, or it is marked as background for the reasoning of other entries.
 */
class BundledSourcesTest {
    /** Hosts and paths retired by their publishers: NICE Pathways, the old CKS, NHS Choices' questions, NCCAM. */
    private static final List<String> RETIRED = List.of("pathways.nice.org.uk", "cks.nhs.uk", "nhs.uk/chq", "nccam.nih.gov");

    private static SourceRegistry registry;
    private static List<Source> entries;
    private static Set<String> cited;

    @BeforeAll
    static void load() throws IOException {
        registry = new SourceRegistry();
        List<RuleProblem> problems = new ArrayList<>();
        registry.read(new RuleFile("rules/sources.csv", Files.readString(Path.of("rules/sources.csv"))), problems);
        assertThat(problems).as("rules/sources.csv loads without problems").isEmpty();
        entries = List.copyOf(registry.entries());
        cited = SciaticaAdvisor.withBundledRules().rules().stream().map(RuleInfo::sourceId).collect(Collectors.toSet());
    }

    @Test
    void everyCitationSaysWhereInTheSourceItsClaimStands() {
        assertThat(entries).filteredOn(s -> !s.isPolicy())
                .allSatisfy(s -> assertThat(s.locator()).as("locator of " + s.id()).isNotBlank());
    }

    @Test
    void everyCitationOpensAtAnHttpsAddressOrADoi() {
        assertThat(entries).filteredOn(s -> !s.isPolicy()).allSatisfy(s -> {
            assertThat(s.url()).as("url of " + s.id()).startsWith("https://");
            assertThat(URI.create(s.url()).getHost()).as("host of " + s.id()).isNotBlank();
        });
    }

    @Test
    void noAddressIsOnARetiredSite() {
        for (Source s : entries) {
            if (s.url() == null) {
                continue;
            }
            URI uri = URI.create(s.url());
            String hostAndPath = (uri.getHost().replaceFirst("^www\\.", "") + uri.getPath()).toLowerCase(Locale.ROOT);
            assertThat(s.url()).as(s.id()).startsWith("https://");
            assertThat(RETIRED).as(s.id() + " at " + s.url()).noneMatch(hostAndPath::startsWith);
        }
    }

    @Test
    void anArchivedPageSaysItIsArchiveOnly() {
        assertThat(entries).filteredOn(s -> s.url() != null && URI.create(s.url()).getHost().equals("web.archive.org"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.takes()).as(s.id()).startsWith("Archive only:"));
    }

    @Test
    void everyPolicyGivesItsRationale() {
        assertThat(entries).filteredOn(Source::isPolicy).allSatisfy(s -> {
            assertThat(s.takes()).as("rationale of " + s.id()).isNotBlank();
            assertThat(s.url()).as(s.id() + " is a decision, not a citation").isNull();
        });
    }

    @Test
    void everyEntryIsCitedByABundledRuleOrMarkedAsBackground() {
        assertThat(entries).allSatisfy(s -> assertThat(cited.contains(s.id()) || registry.isBackground(s.id()))
                .as(s.id() + " is cited by no bundled rule and not marked background").isTrue());
    }

    @Test
    void aBackgroundEntryIsCitedByNoRule() {
        assertThat(entries).filteredOn(s -> registry.isBackground(s.id()))
                .allSatisfy(s -> assertThat(cited).as(s.id() + " is marked background but a rule cites it").doesNotContain(s.id()));
    }
}
