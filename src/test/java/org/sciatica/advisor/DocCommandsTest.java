package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.cli.Cli;

/**
 * The command lines the manual shows in its {@code sh} blocks, run as written through the command
 * line's entry point, against the rule directory and the scenario table the same pages show:
 * README.md and docs/WRITING-RULES.md (a clinic rule directory, {@code advise}, {@code rules},
 * {@code test}), docs/COMMAND-LINE.md ({@code test}) and docs/GOVERNANCE.md ({@code impact}).
 * A page's placeholders ({@code my-rules}, {@code my-cases.csv}, a checkout of the base branch,
 * {@code cases.jsonl}, the report file) become real files; nothing else is changed. The build and
 * launcher lines of README.md are what {@code .ci/run} runs; RULE-AUTHORING.md, COMPACT-ANSWERS.md
 * and SERVICE.md have tests of their own.
 */
class DocCommandsTest {
    private static final String JAR = "java -jar target/sciatica-advisor-cli.jar ";

    private static List<MarkdownBlocks.Block> blocks(String page, String language) throws IOException {
        return MarkdownBlocks.of(Path.of(page), language);
    }

    /** The command lines of a page's sh blocks that run the jar, continuation lines joined, comments dropped. */
    private static List<String> commands(String page) throws IOException {
        List<String> commands = new ArrayList<>();
        for (MarkdownBlocks.Block block : blocks(page, "sh")) {
            String joined = block.text().replace("\\\n", " ");
            for (String line : joined.lines().toList()) {
                String command = line.contains(" #") ? line.substring(0, line.indexOf(" #")) : line;
                if (command.startsWith(JAR)) {
                    commands.add(command.strip().replaceAll(" +", " "));
                }
            }
        }
        assertThat(commands).as("commands in " + page).isNotEmpty();
        return commands;
    }

    /** Runs a documented command, each placeholder word replaced; {@code > FILE} writes standard output there. */
    private static Cli run(String command, Map<String, String> placeholders) throws IOException {
        List<String> words = new ArrayList<>(List.of(command.substring(JAR.length()).split(" ")));
        Path redirect = null;
        int arrow = words.indexOf(">");
        if (arrow >= 0) {
            redirect = Path.of(placeholders.getOrDefault(words.get(arrow + 1), words.get(arrow + 1)));
            words = words.subList(0, arrow);
        }
        Cli run = Cli.run(words.stream().map(w -> placeholders.getOrDefault(w, w)).toArray(String[]::new));
        if (redirect != null) {
            Files.writeString(redirect, run.out(), StandardCharsets.UTF_8);
        }
        return run;
    }

    /** The clinic rule directory a page shows: its first drl block and its first csv block (the registry). */
    private static Path myRules(String page, Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("my-rules"));
        Files.writeString(rules.resolve("70-clinic.drl"), blocks(page, "drl").get(0).text());
        Files.writeString(rules.resolve("sources.csv"), blocks(page, "csv").get(0).text());
        return rules;
    }

    /** The scenario table TESTING-RULES.md shows: the file the {@code test} commands name {@code my-cases.csv}. */
    private static Path myCases(Path dir) throws IOException {
        Path cases = dir.resolve("my-cases.csv");
        Files.writeString(cases, blocks("docs/TESTING-RULES.md", "csv").get(0).text());
        return cases;
    }

    private static Map<String, String> placeholders(Path rules, Path dir) throws IOException {
        return Map.of("my-rules", rules.toString(), "my-cases.csv", myCases(dir).toString(),
                "target/TEST-my-cases.xml", dir.resolve("TEST-my-cases.xml").toString(),
                "target/test-reports/TEST-my-cases.xml", dir.resolve("TEST-my-cases.xml").toString());
    }

    @Test
    void theReadmesClinicRuleIsUsedAndItsCasesPass(@TempDir Path dir) throws IOException {
        Map<String, String> placeholders = placeholders(myRules("README.md", dir), dir);
        List<String> commands = commands("README.md");
        assertThat(commands).hasSize(2);

        Cli advise = run(commands.get(0), placeholders);
        assertThat(advise.exitCode()).as(advise.err()).isZero();
        assertThat(advise.out()).contains("gentle strokes for burning pain [CL-01]");

        Cli test = run(commands.get(1), placeholders);
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(dir.resolve("TEST-my-cases.xml")).content(StandardCharsets.UTF_8).contains("<testsuite", "failures=\"0\"");
    }

    @Test
    void writingRulesShowsTheReasonItSays(@TempDir Path dir) throws IOException {
        Map<String, String> placeholders = placeholders(myRules("docs/WRITING-RULES.md", dir), dir);
        List<String> commands = commands("docs/WRITING-RULES.md");
        assertThat(commands).hasSize(2);

        Cli advise = run(commands.get(0), placeholders);
        assertThat(advise.exitCode()).as(advise.err()).isZero();
        // "The reason `gentle strokes for burning pain [CL-01]` now appears under SWEDISH, and `CL-01` in "Rules fired"."
        String swedish = advise.out().substring(advise.out().indexOf("SWEDISH"));
        assertThat(swedish).contains("gentle strokes for burning pain [CL-01]");
        assertThat(advise.out().substring(advise.out().indexOf("Rules fired"))).contains("CL-01");

        Cli rules = run(commands.get(1), placeholders);
        assertThat(rules.exitCode()).as(rules.err()).isZero();
        assertThat(rules.out()).contains("CL-01", "Burning pain supports Swedish massage", "clinic-protocol-2026");
    }

    @Test
    void theCommandLinePagesTestCommandRunsTheTable(@TempDir Path dir) throws IOException {
        Map<String, String> placeholders = placeholders(myRules("README.md", dir), dir);
        List<String> commands = commands("docs/COMMAND-LINE.md");
        assertThat(commands).hasSize(1);
        Cli test = run(commands.get(0), placeholders);
        assertThat(test.exitCode()).as(test.out() + test.err()).isZero();
        assertThat(dir.resolve("TEST-my-cases.xml")).exists();
    }

    @Test
    void theGovernanceImpactGateWritesItsReport(@TempDir Path dir) throws IOException {
        // "git worktree add ../base origin/main": the base branch's rules; here the same rules, so nothing changes.
        List<String> commands = commands("docs/GOVERNANCE.md");
        assertThat(commands).hasSize(1);
        Path report = dir.resolve("impact.md");
        Cli impact = run(commands.get(0), Map.of("../base/rules", "rules", "cases.jsonl", "examples/batch.jsonl",
                "impact.md", report.toString()));
        assertThat(impact.exitCode()).as(impact.err()).isZero();
        assertThat(report).content(StandardCharsets.UTF_8).startsWith("#").contains("assessments");
    }
}
