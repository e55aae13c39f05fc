package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --mutation-report}: text and JSON, the exit codes, and what it refuses. */
class MutationReportCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = "src/test/resources/rules/mutation-clinic";
    private static final String TABLE = "src/test/resources/rules/mutation-clinic.csv";

    @Test
    void theTextReportNamesEverySurvivorAndExitsThreeBelowTheMinimumScore() {
        Cli cli = Cli.run("--mutation-report", TABLE, "--rules", RULES, "--mutate", "CL-*", "--as-of", "2026-11-28");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
        assertThat(cli.out()).startsWith("Mutation report: 2 of 5 mutants noticed, score 40.0%\n2 rules mutated (rules ")
                .contains("as of 2026-11-28); 1 row from " + TABLE + ".\n")
                .contains("  CL-M2  Muscle spasm: vibration (" + RULES + "/clinic.drl:18)\n      no row fails if CL-M2 is removed\n")
                .contains("no row fails if CL-M1's support weight is lowered from 4 to 3");
        assertThat(Cli.run("--mutation-report", TABLE, "--rules", RULES, "--mutate", "CL-M1,CL-M2", "--min-score", "40",
                "--as-of", "2026-11-28").exitCode()).isZero();
        assertThat(Cli.run("--mutation-report", TABLE, "--rules", RULES, "--mutate", "CL-M1", "--min-score", "60",
                "--as-of", "2026-11-28").exitCode()).as("2 of 3 noticed is 66.7%").isZero();
    }

    @Test
    void theJsonReportListsEveryMutant() throws IOException {
        Cli cli = Cli.run("--mutation-report", TABLE, "--rules", RULES, "--mutate", "CL-*", "--as-of", "2026-11-28",
                "--format", "json", "--min-score", "0");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode report = JSON.readTree(cli.out());
        assertThat(report.get("score").asDouble()).isEqualTo(0.4);
        assertThat(report.get("totals").get("mutants").asInt()).isEqualTo(5);
        assertThat(report.get("totals").get("survived").asInt()).isEqualTo(3);
        assertThat(report.get("asOf").asText()).isEqualTo("2026-11-28");
        assertThat(report.get("byKind")).hasSize(4);
        JsonNode first = report.get("mutants").get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo("CL-M1");
        assertThat(first.get("kind").asText()).isEqualTo("REMOVED");
        assertThat(first.get("from").isNull()).isTrue();
        assertThat(first.get("survived").asBoolean()).isFalse();
        assertThat(first.get("noticedBy").asText()).isEqualTo(TABLE + ": Burning pain: Swedish first with light pressure");
        JsonNode spasm = report.get("mutants").get(3);
        assertThat(spasm.get("description").asText()).isEqualTo("no row fails if CL-M2 is removed");
        assertThat(spasm.get("noticedBy").isNull()).isTrue();
        assertThat(report.get("rowProblems")).isEmpty();
    }

    @Test
    void rowsThatFailOnTheUnmutatedRulesExitOneAndBadUsageTwo(@TempDir Path dir) throws IOException {
        Path table = Files.writeString(dir.resolve("wrong.csv"), Files.readString(Path.of(TABLE))
                + "Wrong from the start,MUSCLE_TENSION,LOW,NONE,4,MUSCLE_SPASM,HOT_STONE,\n");
        Cli wrong = Cli.run("--mutation-report", table.toString(), "--rules", RULES, "--mutate", "CL-M1", "--min-score", "0",
                "--as-of", "2026-11-28");
        assertThat(wrong.exitCode()).as(wrong.err()).isEqualTo(1);
        assertThat(wrong.out()).contains("Rows that notice nothing").contains("Wrong from the start");

        Path unreadable = Files.writeString(dir.resolve("unreadable.csv"), "name,cause\nx,UNKNOWN\n");
        Cli bad = Cli.run("--mutation-report", unreadable.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("the header has no \"sensitivity\" column");
        assertThat(Cli.run("--mutation-report", dir.resolve("missing.csv").toString()).err()).contains("missing.csv: no such file");
        assertThat(Cli.run("--mutation-report", TABLE, "--format", "markdown").err()).contains("writes text or json");
        assertThat(Cli.run("--mutation-report", TABLE, "--batch").exitCode()).isEqualTo(2);
        assertThat(Cli.run("--min-score", "50", "examples/chronic-piriformis.json").err()).contains("--min-score is for --mutation-report");
        assertThat(Cli.run("--mutation-report", TABLE, "--min-score", "101").err()).contains("--min-score must be from 0 to 100");
        assertThat(Cli.run("--mutation-report", TABLE, "--rules", "src/test/resources/rules/broken").err())
                .contains("the rules cannot be loaded (2 problems)");
    }
}
