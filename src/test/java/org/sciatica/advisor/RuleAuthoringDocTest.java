package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.cli.Cli;

/**
 * Every block of docs/RULE-AUTHORING.md, as it stands in the file: the 0.1 rule file gives exactly
 * the problems shown, the one-area rule loads and does what the text says, the commands run, and
 * the Java block is the one run here.
 */
class RuleAuthoringDocTest {
    private static final Path DOC = Path.of("docs/RULE-AUTHORING.md");
    private static final Path SELF = Path.of("src/test/java/org/sciatica/advisor/RuleAuthoringDocTest.java");

    private static List<MarkdownBlocks.Block> blocks(String language) throws IOException {
        return MarkdownBlocks.of(DOC, language);
    }

    /** The rule directory of the one-area example: its rule, the vocabulary and its sources. */
    private static Path oneAreaRules(Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("clinic-rules"));
        Files.writeString(rules.resolve("kneadwell.drl"), blocks("drl").get(1).text());
        Files.writeString(rules.resolve("vocabulary.csv"), blocks("csv").get(0).text());
        Files.writeString(rules.resolve("sources.csv"), blocks("csv").get(1).text());
        return rules;
    }

    @Test
    void theRuleFileWrittenFor01GivesExactlyTheProblemsShown(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("clinic-rules"));
        Files.writeString(rules.resolve("kneadwell.drl"), blocks("drl").get(0).text());
        Files.writeString(rules.resolve("vocabulary.csv"), blocks("csv").get(0).text());
        Cli run = Cli.run("rules", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        String shown = blocks("text").get(0).text();
        String problems = run.err().replace(dir + "/", "").replace(dir.toString(), "");
        assertThat(problems).isEqualTo("sciatica-advisor: the rules cannot be loaded (" + shown.lines().count() + " problems):\n"
                + shown);
    }

    @Test
    void theOneAreaRuleKeepsDeepTissueOffTheLegAndTheAnswerAndPlanFollow(@TempDir Path dir) throws IOException {
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(oneAreaRules(dir)).build();
        Recommendation r = advisor.advise(Assessment.builder().cause(Cause.MUSCLE_TENSION).sensitivity(Sensitivity.LOW)
                .inflammation(Inflammation.NONE).painLevel(4).course(Course.CHRONIC)
                .tenseAreas(BodyArea.IT_BAND, BodyArea.HAMSTRINGS, BodyArea.SOLEUS).clinicFindings("LYMPHEDEMA").build());
        assertThat(r.areaLimits()).extracting(Recommendation.AreaLimit::area).containsExactly(
                BodyArea.HAMSTRINGS, BodyArea.IT_BAND, BodyArea.SOLEUS, BodyArea.GASTROCNEMIUS);
        assertThat(r.areaLimit(BodyArea.IT_BAND)).get().satisfies(l -> {
            assertThat(l.keepOff()).isEmpty();
            assertThat(l.maxPressure()).isEqualTo(Pressure.LIGHT);
        });
        assertThat(r.focusAreas()).filteredOn(f -> f.area() == BodyArea.HAMSTRINGS).singleElement()
                .satisfies(f -> assertThat(f.limit()).isNotNull());
        assertThat(r.sessionPlan().steps()).noneSatisfy(s -> assertThat(s.text().toLowerCase(Locale.ROOT)).contains("forearm"));
        assertThat(r.technique(Technique.DEEP_TISSUE)).isPresent();
    }

    @Test
    void theVerifyCommandRunsAndPasses(@TempDir Path dir) throws IOException {
        Path rules = oneAreaRules(dir);
        Cli run = Cli.run(args(blocks("sh").get(0).text().strip(), rules, null));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("No safety line broken.\n");
    }

    @Test
    void theJavaBlockIsTheOneRunHere(@TempDir Path dir) throws IOException {
        Path clinicRules = oneAreaRules(dir);
        // From the doc:
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(clinicRules).build();
        SafetyVerification.Report report = SafetyVerification.sample(advisor, 2_000, 42);
        if (!report.passed()) {
            throw new AssertionError(report.text());
        }
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        for (String line : blocks("java").get(0).text().lines().toList()) {
            assertThat(self).as("the doc's Java block is run here").contains("        " + line + "\n");
        }
    }

    @Test
    void theImpactCommandsCompareEveryLine(@TempDir Path dir) throws IOException {
        Path rules = oneAreaRules(dir);
        Path input = dir.resolve("assessments.jsonl");
        Files.writeString(input, """
                {"cause":"MUSCLE_TENSION","sensitivity":"LOW","inflammation":"NONE","painLevel":4,"course":"CHRONIC","tenseAreas":["IT_BAND"]}
                {"cause":"MUSCLE_TENSION","sensitivity":"LOW","inflammation":"NONE","painLevel":4,"course":"CHRONIC","tenseAreas":["IT_BAND"],"clinicFindings":["LYMPHEDEMA"]}
                """);
        List<String> commands = blocks("sh").get(1).text().lines().toList();
        assertThat(commands).hasSize(2);
        for (String command : commands) {
            Cli run = Cli.run(args(command, rules, input));
            assertThat(run.exitCode()).as(command + "\n" + run.out() + run.err()).isZero();
            assertThat(run.out()).as(command).contains("1 of 2 assessments").doesNotContain("not compared");
        }
    }

    /** A documented command's arguments, with the example's paths replaced by real ones ("rules" stands for a release's copy). */
    private static String[] args(String command, Path rules, Path input) {
        String[] words = command.substring(command.indexOf(".jar ") + 5).split(" ");
        return Arrays.stream(words).map(w -> switch (w) {
            case "clinic-rules" -> rules.toString();
            case "release-0.1/rules" -> "rules";
            case "assessments.jsonl" -> input.toString();
            default -> w;
        }).toArray(String[]::new);
    }
}
