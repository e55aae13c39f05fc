package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** {@code --as-of}, {@code --with-drafts} and {@code --review-age} on the command line. */
class LifecycleCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIFECYCLE = "src/test/resources/rules/lifecycle";
    private static final String DRAFTS = "src/test/resources/rules/draft-rule";
    private static final String BURNING =
            "{\"id\":\"burning\",\"cause\":\"PIRIFORMIS_SYNDROME\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":4,"
                    + "\"symptoms\":[\"BURNING_PAIN\",\"STIFFNESS\"]}";
    private static final String SHOOTING =
            "{\"id\":\"shooting\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":4,"
                    + "\"symptoms\":[\"SHOOTING_PAIN\"]}";
    private static final String VEINS =
            "{\"id\":\"veins\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":4,"
                    + "\"conditions\":[\"VARICOSE_VEINS\"]}";

    @Test
    void oneAnswerNamesItsDateAndUsesTheRulesInForceOnIt() throws IOException {
        Cli before = Cli.withInput(SHOOTING, "--rules", LIFECYCLE, "--as-of", "2026-12-31", "--format", "json");
        assertThat(before.exitCode()).as(before.err()).isZero();
        JsonNode answer = JSON.readTree(before.out());
        assertThat(answer.get("asOf").asText()).isEqualTo("2026-12-31");
        assertThat(answer.get("firedRules").toString()).doesNotContain("LC-FUTURE");
        JsonNode after = JSON.readTree(Cli.withInput(SHOOTING, "--rules", LIFECYCLE, "--as-of", "2027-01-01", "--format", "json").out());
        assertThat(after.get("firedRules").toString()).contains("LC-FUTURE");
        assertThat(after.get("techniques").get(0).get("technique").asText()).isEqualTo("VIBRATION");

        Cli text = Cli.withInput(SHOOTING, "--rules", LIFECYCLE, "--as-of", "2027-01-01");
        assertThat(text.out()).endsWith("Rules in force on: 2027-01-01\n");
        JsonNode today = JSON.readTree(Cli.withInput(SHOOTING, "--format", "json").out());
        assertThat(LocalDate.parse(today.get("asOf").asText())).isBetween(LocalDate.now().minusDays(1), LocalDate.now());
    }

    @Test
    void aBatchAnswersEveryLineAsOfTheSameDate() throws IOException {
        Cli cli = Cli.withInput(SHOOTING + "\n" + BURNING + "\n", "--batch", "--rules", LIFECYCLE, "--as-of", "2027-02-03");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        for (String line : cli.out().split("\n")) {
            assertThat(JSON.readTree(line).get("asOf").asText()).isEqualTo("2027-02-03");
        }
        assertThat(cli.out().split("\n")[0]).contains("LC-FUTURE").endsWith(",\"asOf\":\"2027-02-03\"}");
    }

    @Test
    void aDraftInTheCandidateShowsUpInTheImpactReportOnlyWithDrafts() throws IOException {
        String input = BURNING + "\n" + SHOOTING + "\n";
        Cli trial = Cli.withInput(input, "--impact", "--candidate", DRAFTS, "--with-drafts", "--as-of", "2026-11-28", "--format", "json");
        assertThat(trial.exitCode()).as(trial.err()).isZero();
        JsonNode report = JSON.readTree(trial.out());
        assertThat(report.get("verdict").asText()).isEqualTo("CHANGED");
        assertThat(report.get("totals").get("changed").asInt()).isEqualTo(1);
        assertThat(report.get("changes").toString()).contains("CL-DRAFT-01");

        Cli without = Cli.withInput(input, "--impact", "--candidate", DRAFTS, "--as-of", "2026-11-28", "--format", "json");
        assertThat(JSON.readTree(without.out()).get("verdict").asText()).as("a draft does not run without --with-drafts")
                .isEqualTo("UNCHANGED");
    }

    @Test
    void bothSidesOfAnImpactReportAnswerAsOfTheSameDate() throws IOException {
        Cli before = Cli.withInput(VEINS + "\n", "--impact", "--candidate", DRAFTS, "--as-of", "2026-12-31", "--format", "json");
        assertThat(JSON.readTree(before.out()).get("verdict").asText()).isEqualTo("UNCHANGED");
        Cli after = Cli.withInput(VEINS + "\n", "--impact", "--candidate", DRAFTS, "--as-of", "2027-01-01", "--format", "json");
        JsonNode report = JSON.readTree(after.out());
        assertThat(report.get("verdict").asText()).as(after.out()).isEqualTo("CHANGED");
        assertThat(report.get("changes").toString()).contains("CL-08-2027", "CI-08");
    }

    @Test
    void theCatalogShowsEachRulesLifecycleAndFlagsOverdueReviews() throws IOException {
        Cli text = Cli.run("--list-rules", "--rules", LIFECYCLE, "--as-of", "2026-11-28", "--review-age", "20");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("lifecycle: active, reviewed 2026-12-06\n")
                .contains("lifecycle: draft, reviewed 2026-11-01; REVIEW OVERDUE (due 2026-11-21); NOT IN FORCE on 2026-11-28"
                        + " (a draft; drafts run with --with-drafts)")
                .contains("lifecycle: retired, reviewed 2020-01-15; NOT IN FORCE on 2026-11-28 (retired)")
                .contains("lifecycle: active, reviewed 2026-11-20, effective from 2027-01-01; NOT IN FORCE on 2026-11-28 (not yet effective)")
                .contains("lifecycle: active, never reviewed, effective from 2026-06-01, expires 2026-07-01; REVIEW OVERDUE;"
                        + " NOT IN FORCE on 2026-11-28 (expired)")
                .endsWith((bundledRules() + 5) + " rules (1 draft, " + (bundledRules() + 3) + " active, 1 retired). 3 rules are overdue"
                        + " for review. 5 rules are not in force on 2026-11-28.\n");

        JsonNode json = JSON.readTree(Cli.run("--list-rules", "--rules", LIFECYCLE, "--as-of", "2026-11-28", "--format", "json").out());
        JsonNode future = find(json, "LC-FUTURE");
        assertThat(future.get("status").asText()).isEqualTo("active");
        assertThat(future.get("reviewed").asText()).isEqualTo("2026-11-20");
        assertThat(future.get("effective").asText()).isEqualTo("2027-01-01");
        assertThat(future.get("expiry").isNull()).isTrue();
        assertThat(future.get("reviewDue").asText()).isEqualTo("2027-11-20");
        assertThat(future.get("reviewOverdue").asBoolean()).isFalse();
        assertThat(future.get("inForce").asBoolean()).isFalse();
        assertThat(find(json, "CI-08").get("inForce").asBoolean()).isTrue();

        String markdown = Cli.run("--list-rules", "--format", "markdown", "--as-of", "2027-12-07").out();
        int bundled = org.sciatica.advisor.testing.Cases.bundledAdvisor().rules().size();
        assertThat(markdown).contains("| active, reviewed 2026-12-06; **review overdue** (due 2027-12-06) |")
                .contains(bundled + " rules (" + bundled + " active). " + bundled + " rules are overdue for review.");
        assertThat(Cli.run("--clinical-basis", "--as-of", "2027-12-07", "--review-age", "400").out())
                .contains("- Lifecycle: active, reviewed 2026-12-06\n").contains("more than 400 days old");
    }

    @Test
    void badDatesAndAgesAreUsageErrors() {
        Cli notADate = Cli.run("--as-of", "28/11/2026", "examples/chronic-piriformis.json");
        assertThat(notADate.exitCode()).isEqualTo(2);
        assertThat(notADate.err()).contains("'28/11/2026' is not a date written YYYY-MM-DD (for example 2026-11-28)");
        assertThat(Cli.run("--as-of", "2026-02-30", "--list-rules").err()).contains("'2026-02-30' is not a date in the calendar");
        Cli negative = Cli.run("--list-rules", "--review-age", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--review-age must be 0 days or more");
        assertThat(Cli.run("--review-age", "30", "examples/chronic-piriformis.json").err())
                .contains("--review-age is for --list-rules and --clinical-basis");
    }

    private static JsonNode find(JsonNode catalog, String id) {
        for (JsonNode rule : catalog) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    private static int bundledRules() {
        return org.sciatica.advisor.testing.Cases.bundledAdvisor().rules().size();
    }
}
