package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.ImpactFixtures;
import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SafetyViolationException;
import org.sciatica.advisor.testing.Cases;

/** {@code --impact}: what a rule change does to the answers, as a gate for continuous integration. */
class ImpactCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACUTE_TENSION =
            "{\"id\":\"acute-tension\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"ACUTE\",\"painLevel\":3}";
    private static final String CALM =
            "{\"id\":\"calm\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":3}";
    private static final String ACUTE_DISC =
            "{\"id\":\"acute-disc\",\"cause\":\"HERNIATED_DISC\",\"sensitivity\":\"MODERATE\",\"inflammation\":\"ACUTE\",\"painLevel\":6}";

    @TempDir
    static Path dir;
    /** A copy of rules/ without CI-09 (acute inflammation rules out deep tissue and hot stones). */
    private static String withoutCi09;
    /** A clinic rule replacing CI-09 with the same exclusions but no ACUTE_INFLAMMATION warning. */
    private static String quiet;
    private static String input;

    @BeforeAll
    static void ruleCopiesAndInput() throws IOException {
        withoutCi09 = ImpactFixtures.bundledRulesWithout("CI-09", Files.createDirectory(dir.resolve("without-ci-09"))).toString();
        quiet = ImpactFixtures.quietAcuteInflammationRule(Files.createDirectory(dir.resolve("quiet"))).toString();
        input = Files.writeString(dir.resolve("cases.jsonl"), String.join("\n", ACUTE_TENSION, CALM, "", ACUTE_DISC, "")).toString();
    }

    @Test
    void twoIdenticalRuleSetsExitZeroWithNoChange() throws IOException {
        Cli text = Cli.run("--impact", "--no-bundled", "--baseline", "rules", "--candidate", "rules", input);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.err()).isEmpty();
        assertThat(text.out()).startsWith("""
                Rule change impact: UNCHANGED
                No answer changed: the candidate rules answer 3 assessments as the baseline rules do.
                """).contains("Assessments: 3 compared, 0 changed, 0 less cautious, 0 unsafe, 0 errors\n")
                .doesNotContain("Changes", "Examples");

        JsonNode json = JSON.readTree(Cli.withInput(CALM + "\n" + ACUTE_DISC, "--impact", "--format", "json").out());
        assertThat(json.get("verdict").asText()).isEqualTo("UNCHANGED");
        assertThat(json.get("totals").get("assessments").asInt()).isEqualTo(2);
        assertThat(json.get("totals").get("changed").asInt()).isZero();
        assertThat(json.get("changes")).hasSize(ImpactReport.Kind.values().length);
        json.get("changes").forEach(kind -> assertThat(kind.get("count").asInt()).isZero());
        assertThat(json.get("rulesVersion").get("baseline").asText()).isEqualTo(json.get("rulesVersion").get("candidate").asText());
    }

    @Test
    void aCandidateThatDropsTheAcuteInflammationRuleIsGatedWithExitThreeAndNamesCi09() throws IOException {
        Cli cli = Cli.run("--impact", "--no-bundled", "--baseline", "rules", "--candidate", withoutCi09, input);
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
        // Less cautious answers; or, with the runtime safety monitor, answers it refuses (safety line 4).
        assertThat(cli.out()).matches("(?s)Rule change impact: (LESS CAUTIOUS|UNSAFE)\n.*")
                .contains("line 1 (acute-tension)", "CI-09").doesNotContain("(calm)");
        assertThat(cli.out()).contains("Assessments: 3 compared, ");

        JsonNode json = JSON.readTree(Cli.run("--impact", "--no-bundled", "--baseline", "rules", "--candidate", withoutCi09,
                "--format", "json", input).out());
        assertThat(json.get("verdict").asText()).isIn("LESS_CAUTIOUS", "UNSAFE");
        assertThat(json.get("totals").get("lessCautious").asInt() + json.get("totals").get("unsafe").asInt()).isEqualTo(2);
        List<String> named = new java.util.ArrayList<>();
        json.findValues("rules").forEach(rules -> rules.forEach(id -> named.add(id.asText())));
        assertThat(named).contains("CI-09");
    }

    @Test
    void theTextReportPutsTheVerdictFirstThenTheKindsThatChangedWithTheirRulesAndExamples() {
        Cli cli = Cli.run("--impact", "--candidate", quiet, input);
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
        assertThat(cli.out()).startsWith("""
                Rule change impact: LESS CAUTIOUS
                2 of 3 assessments get a less cautious answer from the candidate rules.
                """);
        assertThat(cli.out()).contains("Assessments: 3 compared, 2 changed, 2 less cautious, 0 unsafe, 0 errors\n");
        assertThat(cli.out()).containsPattern("\n  disposition +1 +1  CI-09, CL-09\n");
        assertThat(cli.out()).containsPattern("\n  warning removed +2 +2  CI-09, CL-09\n");
        assertThat(cli.out()).containsPattern("\n  rules fired +2 +CI-09, CL-09\n");
        assertThat(cli.out()).contains("""
                  disposition:
                    line 1 (acute-tension): PROCEED_WITH_CAUTION -> PROCEED  [less cautious]
                """);
        assertThat(cli.out()).contains("""
                  rules fired (rules that fired for one side only):
                    line 1 (acute-tension): CI-09 -> CL-09
                    line 4 (acute-disc): CI-09 -> CL-09
                """);
        assertThat(cli.out()).doesNotContain("technique allowed again", "Errors", "Unsafe");
    }

    @Test
    void theJsonReportGivesCountsRulesAndExamplesPerKindForPrograms() throws IOException {
        Cli cli = Cli.run("--impact", "--candidate", quiet, "--format", "json", input);
        assertThat(cli.exitCode()).isEqualTo(3);
        JsonNode report = JSON.readTree(cli.out());
        assertThat(report.get("verdict").asText()).isEqualTo("LESS_CAUTIOUS");
        JsonNode totals = report.get("totals");
        assertThat(List.of(totals.get("assessments").asInt(), totals.get("changed").asInt(), totals.get("lessCautious").asInt(),
                totals.get("unsafe").asInt(), totals.get("errors").asInt())).containsExactly(3, 2, 2, 0, 0);
        JsonNode removed = report.get("changes").get("WARNING_REMOVED");
        assertThat(removed.get("count").asInt()).isEqualTo(2);
        assertThat(removed.get("lessCautious").asInt()).isEqualTo(2);
        assertThat(removed.get("rules").toString()).isEqualTo("[\"CI-09\",\"CL-09\"]");
        assertThat(removed.get("examples").findValuesAsText("line")).containsExactly("1", "4");
        JsonNode example = report.get("changes").get("DISPOSITION").get("examples").get(0);
        assertThat(example.get("line").asInt()).isEqualTo(1);
        assertThat(example.get("id").asText()).isEqualTo("acute-tension");
        assertThat(example.get("before").asText()).isEqualTo("PROCEED_WITH_CAUTION");
        assertThat(example.get("after").asText()).isEqualTo("PROCEED");
        assertThat(example.get("lessCautious").asBoolean()).isTrue();
        assertThat(report.get("changes").get("DISPOSITION").get("examples")).hasSize(1);
        assertThat(report.get("changes").get("TECHNIQUE_ALLOWED").get("count").asInt()).isZero();
        assertThat(report.get("unsafe").get("answers")).isEmpty();
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("rulesVersion").get("baseline").asText()).isNotEqualTo(report.get("rulesVersion").get("candidate").asText());
    }

    @Test
    void theMarkdownReportIsAPullRequestCommentWithAVerdictATableAndExamples() {
        Cli cli = Cli.run("--impact", "--candidate", quiet, "--format", "markdown", input);
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.out()).startsWith("""
                ## Rule change impact: less cautious

                **Verdict: LESS_CAUTIOUS.** 2 of 3 assessments get a less cautious answer from the candidate rules.
                """);
        assertThat(cli.out()).contains("""
                | Change | Assessments | Less cautious | Rules |
                |---|---:|---:|---|
                | disposition | 1 | 1 | CI-09, CL-09 |
                | warning removed | 2 | 2 | CI-09, CL-09 |
                | rules fired | 2 | 0 | CI-09, CL-09 |
                """);
        assertThat(cli.out()).contains("- line 1 (acute-tension): `PROCEED_WITH_CAUTION` -> `PROCEED` (less cautious)\n");
    }

    @Test
    void badLinesAreCountedAndListedAndExitOneWhenNothingBecameLessCautious() {
        Cli cli = Cli.withInput(CALM + "\nnot json\n\n{\"cause\":\"DISC\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":5}\n",
                "--impact", "--format", "json");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).contains("\"errors\": 2");
        assertThat(cli.out()).contains("\"line\": 2", "\"line\": 4", "\"field\": \"cause\"", "\"message\": \"cause: \\\"DISC\\\" is not one of");

        Cli gated = Cli.withInput(ACUTE_TENSION + "\nnot json\n", "--impact", "--candidate", quiet);
        assertThat(gated.exitCode()).as("less cautious wins over bad lines").isEqualTo(3);
        assertThat(gated.out()).contains("\nErrors (1, not compared):\n  line 2: malformed JSON");
    }

    @Test
    void candidateRulesThatFailToLoadExitTwoWithEveryProblemAndNoReport() {
        Cli cli = Cli.withInput(CALM, "--impact", "--candidate", "src/test/resources/rules/broken");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("""
                sciatica-advisor: the candidate rules cannot be loaded (2 problems):
                src/test/resources/rules/broken/a-typo.drl:9:5: Unable to resolve ObjectType 'Asessment'
                src/test/resources/rules/broken/b-syntax.drl:9:29: [ERR 101] Line 9:28 no viable alternative at input ')' in rule "A constraint with no value"
                """);
    }

    @Test
    void misusedOptionsAreUsageErrorsWithExitTwo() {
        assertUsage("--impact cannot be used with --batch", "--impact", "--batch");
        assertUsage("--baseline, --baseline-release and --candidate are for --impact", "--candidate", "rules");
        assertUsage("give their directories as --baseline DIR and --candidate DIR, not --rules", "--impact", "--rules", "rules");
        assertUsage("--format cds-hooks does not apply", "--impact", "--format", "cds-hooks");
        assertUsage("give at least one --baseline DIR and one --candidate DIR", "--impact", "--no-bundled", "--baseline", "rules");
        assertUsage("--format markdown is only for --list-rules and --impact", "--format", "markdown");
    }

    private static void assertUsage(String message, String... args) {
        Cli cli = Cli.withInput(CALM, args);
        assertThat(cli.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("sciatica-advisor: ").contains(message);
    }

    @Test
    void anAnswerTheSafetyMonitorRefusesGatesTheChangeAsUnsafeWithExitThree() throws IOException {
        Function<Assessment, Recommendation> monitored = a -> {
            if (a.inflammation() == Inflammation.ACUTE) {
                throw new SafetyViolationException(4, "DEEP_TISSUE recommended with acute inflammation", List.of("CL-09"));
            }
            return Cases.bundledAdvisor().advise(a);
        };
        ImpactRun run = new ImpactRun(ImpactFixtures.between(Cases.bundledAdvisor()::advise, monitored), Progress.quiet(), 2);
        ImpactReport report = run.run(new ByteArrayInputStream((CALM + "\n" + ACUTE_TENSION + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(ImpactRun.exitCode(report)).isEqualTo(3);
        assertThat(ImpactReports.text(report)).startsWith("""
                Rule change impact: UNSAFE
                1 of 2 assessments get an answer the safety monitor refuses.
                """).endsWith("""

                Unsafe answers (1, rules involved: CL-09):
                  line 2 (acute-tension), candidate (rules CL-09): safety line 4 broken: DEEP_TISSUE recommended with acute inflammation (rules involved: CL-09)
                """);
        assertThat(ImpactReports.markdown(report)).contains("**Verdict: UNSAFE.**", "### Unsafe answers\n\n1 refused; rules involved: CL-09.");
        JsonNode json = JSON.readTree(ImpactReports.json(report));
        assertThat(json.get("verdict").asText()).isEqualTo("UNSAFE");
        assertThat(json.get("totals").get("unsafe").asInt()).isEqualTo(1);
        JsonNode refused = json.get("unsafe").get("answers").get(0);
        assertThat(refused.get("side").asText()).isEqualTo("CANDIDATE");
        assertThat(refused.get("safetyLine").asInt()).isEqualTo(4);
        assertThat(refused.get("rules").get(0).asText()).isEqualTo("CL-09");
    }

    @Test
    void idsFromTheInputCannotForgeLinesInTheTextOrMarkdownReport() {
        String hostile = "{\"id\":\"x\\n## Approved | ok\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"ACUTE\",\"painLevel\":3}";
        Cli text = Cli.withInput(hostile, "--impact", "--candidate", quiet);
        assertThat(text.out()).contains("line 1 (x\\u000a## Approved | ok)").doesNotContain("\n## Approved");
        Cli markdown = Cli.withInput(hostile, "--impact", "--candidate", quiet, "--format", "markdown");
        assertThat(markdown.out()).contains("line 1 (x ## Approved \\| ok)").doesNotContain("\n## Approved");
    }

    @Test
    void aClinicFindingRuleAgainstTheBundledRulesComparesEveryLine() throws Exception {
        String lymphedema = Path.of(ImpactCommandLineTest.class.getResource("/rules/clinic-lymphedema").toURI()).toString();
        String lines = CALM + "\n" + CALM.replace("{", "{\"clinicFindings\":[\"LYMPHEDEMA\"],") + "\n";
        Cli run = Cli.withInput(lines, "--impact", "--candidate", lymphedema, "--format", "json", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var totals = JSON.readTree(run.out()).get("totals");
        assertThat(totals.get("errors").asLong()).as(run.out()).isZero();
        assertThat(totals.get("assessments").asLong()).isEqualTo(2);
        assertThat(totals.get("changed").asLong()).isEqualTo(1);
    }

    @Test
    void aPreviousReleasesRulesAreTheBaselineWithBaselineRelease() {
        // The repository's rules/ folder stands for a copy of the last release's rules.
        Cli run = Cli.withInput(CALM + "\n" + ACUTE_TENSION + "\n", "--impact", "--baseline-release", "rules", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("No answer changed: the candidate rules answer 2 assessments").doesNotContain("not compared");
    }
}
