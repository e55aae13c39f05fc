package org.sciatica.advisor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.testing.MutationReport.Kind;
import org.sciatica.advisor.testing.MutationReport.Mutant;

/** The mutation report on a small clinic rule set: which mutants it makes, which rows notice them, and what it says. */
class MutationReportTest {
    @TempDir
    static Path clinic;

    @BeforeAll
    static void clinicRules() throws IOException {
        Files.writeString(clinic.resolve("sources.csv"), """
                id,kind,title,publisher,year,url,takes
                clinic-protocol,policy,Clinic protocol (test fixture),An example clinic,2026,,"Rules written to test the mutation report."
                """);
        Files.writeString(clinic.resolve("clinic.drl"), """
                package org.clinic.rules;

                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;

                rule "Burning pain: Swedish strokes, light pressure"
                    @id("CL-01")
                    @source("clinic-protocol")
                when
                    Assessment( symptoms contains Symptom.BURNING_PAIN )
                then
                    insert( new Support(Technique.SWEDISH, 4, "gentle strokes for burning pain") );
                    insert( new PressureLimit(Pressure.LIGHT, "burning pain: light pressure only") );
                end

                // A rule no row checks: its removal survives.
                rule "Muscle spasm: vibration"
                    @id("CL-02")
                    @source("clinic-protocol")
                when
                    Assessment( symptoms contains Symptom.MUSCLE_SPASM )
                then
                    insert( new Support(Technique.VIBRATION, 1, "vibration eases a spasm") );
                end

                rule "Fever after surgery: an emergency"
                    @id("CL-03")
                    @source("clinic-protocol")
                when
                    Assessment( redFlags contains RedFlag.FEVER, conditions contains Condition.RECENT_SURGERY )
                then
                    insert( new Refer(Urgency.EMERGENCY, "fever after surgery: possible infection of the surgical site, same-day emergency care") );
                end
                """);
    }

    private static final String TABLE = """
            name,cause,sensitivity,inflammation,painLevel,symptoms,redFlags,conditions,first,maxPressure,urgency
            Burning pain: Swedish first with light pressure,MUSCLE_TENSION,LOW,NONE,4,BURNING_PAIN,,,SWEDISH,LIGHT,
            Fever after surgery is an emergency,MUSCLE_TENSION,LOW,NONE,4,,FEVER,RECENT_SURGERY,,,EMERGENCY
            """;

    private static MutationReport.Builder clinicReport() {
        return MutationReport.builder().addRuleDirectory(clinic).asOf(LocalDate.of(2026, 11, 28))
                .mutating(rule -> rule.id().startsWith("CL-"));
    }

    @Test
    void everyRuleIsRemovedAndEveryLimitWeightAndEmergencyWeakenedOnce() {
        MutationReport report = clinicReport().table(ScenarioTable.fromText("clinic.csv", TABLE)).run();
        assertThat(report.mutants()).extracting(Mutant::ruleId, Mutant::kind, Mutant::from, Mutant::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CL-01", Kind.REMOVED, "", ""),
                org.assertj.core.groups.Tuple.tuple("CL-01", Kind.SUPPORT_WEIGHT_LOWERED, "4", "3"),
                org.assertj.core.groups.Tuple.tuple("CL-01", Kind.PRESSURE_LIMIT_RAISED, "LIGHT", "MODERATE"),
                org.assertj.core.groups.Tuple.tuple("CL-02", Kind.REMOVED, "", ""),
                org.assertj.core.groups.Tuple.tuple("CL-02", Kind.SUPPORT_WEIGHT_LOWERED, "1", "0"),
                org.assertj.core.groups.Tuple.tuple("CL-03", Kind.REMOVED, "", ""),
                org.assertj.core.groups.Tuple.tuple("CL-03", Kind.URGENCY_LOWERED, "EMERGENCY", "URGENT"));
        assertThat(report.mutants()).extracting(Mutant::line).containsExactly(6, 12, 13, 17, 23, 26, 32);
        assertThat(report.rules()).isEqualTo(3);
        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.rowProblems()).isEmpty();

        assertThat(report.survivors()).extracting(Mutant::describe).containsExactly(
                "no row fails if CL-01's support weight is lowered from 4 to 3",
                "no row fails if CL-02 is removed",
                "no row fails if CL-02's support weight is lowered from 1 to 0");
        Mutant removed = report.mutants().get(0);
        assertThat(removed.noticedBy()).isEqualTo("clinic.csv: Burning pain: Swedish first with light pressure");
        assertThat(removed.how()).startsWith("Expected SWEDISH first, but the rules ranked TRIGGER_POINT first.");
        assertThat(report.mutants().get(2).how()).startsWith("Expected no pressure above LIGHT");
        assertThat(report.mutants().get(6).describe()).isEqualTo("CL-03's referral is URGENT instead of EMERGENCY: noticed by"
                + " clinic.csv: Fever after surgery is an emergency");
        assertThat(report.score()).isEqualTo(4.0 / 7);
        assertThat(report.noticed()).isEqualTo(4);

        assertThat(report.text()).startsWith("""
                Mutation report: 4 of 7 mutants noticed, score 57.1%
                3 rules mutated (rules VERSION, as of 2026-11-28); 2 rows from clinic.csv.

                By kind:
                  removed                      3 mutants,   2 noticed,   1 survived
                """.replace("VERSION", report.rulesVersion()))
                .contains("""
                        Survived (no row noticed them):
                          CL-01  Burning pain: Swedish strokes, light pressure (%s:12)
                              no row fails if CL-01's support weight is lowered from 4 to 3
                        """.formatted(clinic.resolve("clinic.drl")));
    }

    @Test
    void theJunitHelperFailsBelowTheThresholdAndListsTheSurvivors() {
        MutationReport report = clinicReport().table(ScenarioTable.fromText("clinic.csv", TABLE)).run();
        assertThat(report.assertScoreAtLeast(0.5)).isSameAs(report);
        assertThatThrownBy(() -> report.assertScoreAtLeast(0.6)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected a mutation score of at least 60.0%, but it is 57.1%.")
                .hasMessageContaining("no row fails if CL-02 is removed");
        assertThatThrownBy(() -> report.assertNoSurvivors(Kind.REMOVED)).isInstanceOf(AssertionError.class)
                .hasMessage("Expected every mutant (removed) to be noticed, but 1 survived:\n  no row fails if CL-02 is removed");
        assertThat(report.assertNoSurvivors(Kind.URGENCY_LOWERED, Kind.PRESSURE_LIMIT_RAISED)).isSameAs(report);
    }

    @Test
    void aRowThatFailsOnTheUnmutatedRulesNoticesNothingAndIsReported() {
        MutationReport report = clinicReport().table(ScenarioTable.fromText("clinic.csv", TABLE + """
                Wrong from the start,MUSCLE_TENSION,LOW,NONE,4,MUSCLE_SPASM,,,HOT_STONE,,
                Unreadable,MUSCLE_TENSION,LOW,NONE,eleven,,,,,,
                """)).run();
        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.rowProblems()).hasSize(2);
        assertThat(report.rowProblems().get(0)).startsWith("clinic.csv: Wrong from the start: clinic.csv row 4: Expected HOT_STONE first");
        assertThat(report.rowProblems().get(1)).isEqualTo("clinic.csv: Unreadable: clinic.csv row 5, column painLevel:"
                + " \"eleven\" is not a whole number from 0 to 10");
        assertThat(report.text()).contains("Rows that notice nothing (they fail on the unmutated rules, or cannot be read):");
        assertThatThrownBy(() -> report.assertScoreAtLeast(0)).hasMessageStartingWith("Rows fail on the unmutated rules");
    }

    @Test
    void aTableThatCannotBeReadIsRefusedAndRulesInForceOnlyAreMutated() {
        assertThatThrownBy(() -> clinicReport().table(ScenarioTable.fromText("bad.csv", "name,cause\nx,UNKNOWN\n")).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad.csv row 1: the header has no \"sensitivity\" column");
        assertThatThrownBy(() -> clinicReport().run()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no scenario table");
        MutationReport none = MutationReport.builder().asOf(LocalDate.of(2026, 11, 28)).mutating(rule -> false)
                .table(ScenarioTable.fromText("clinic.csv", TABLE.lines().limit(2).reduce("", (a, b) -> a + b + "\n"))).run();
        assertThat(none.mutants()).isEmpty();
        assertThat(none.score()).isEqualTo(1.0);
    }
}
