package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.testing.Cases;
import org.sciatica.advisor.testing.MutationReport;
import org.sciatica.advisor.testing.MutationReport.Kind;
import org.sciatica.advisor.testing.MutationReport.Mutant;
import org.sciatica.advisor.testing.ScenarioTable;

/**
 * How well the project's own scenario tables guard the bundled rules: every rule removed, every
 * pressure limit, support weight and emergency referral weakened, one mutant at a time, and the
 * two tables run against each.
 */
class MutationScoreTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    /**
     * NS-05 and NS-06 act only when every other technique is excluded; no bundled rule excludes
     * Swedish or vibration, so with the bundled rules alone their conditions never hold and their
     * removal cannot be observed. They are the net for clinic rules that do: see the next test.
     */
    private static final List<String> UNOBSERVABLE_ALONE = List.of("NS-05", "NS-06");

    /**
     * Weakened values no answer can show: CI-02 and CI-06 exclude deep tissue themselves, so their
     * limit to MODERATE changes nothing the five techniques' usual pressures would exceed; TQ-03,
     * TQ-06 and TQ-08 give Swedish, which wins every tie, weight it never needs; TQ-01's weight
     * orders deep tissue above hot stones below a first choice that stays trigger point, and the
     * tables check the first choice, not the whole order.
     */
    private static final List<String> WEAKENINGS_NO_ROW_CAN_SEE = List.of(
            "CI-02's pressure limit is raised from MODERATE to FIRM",
            "CI-06's pressure limit is raised from MODERATE to FIRM",
            "TQ-01's support weight is lowered from 3 to 2",
            "TQ-03's support weight is lowered from 3 to 2",
            "TQ-06's support weight is lowered from 1 to 0",
            "TQ-08's support weight is lowered from 3 to 2");

    @Test
    void theProjectsScenarioTablesNoticeTheRemovalOfEveryRuleThatCanBeObserved() {
        long start = System.nanoTime();
        MutationReport report = MutationReport.builder()
                .table(ScenarioTable.fromClasspath("/scenarios/article-cases.csv"))
                .table(ScenarioTable.fromClasspath("/scenarios/safety-table.csv"))
                .table(ScenarioTable.fromClasspath("/scenarios/hazard-cases.csv"))
                .asOf(AS_OF).run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(report.text() + "(" + report.mutants().size() + " mutants compiled and run in " + took.toMillis() + " ms)");

        assertThat(report.rowProblems()).isEmpty();
        assertThat(report.rules()).isEqualTo(Cases.bundledAdvisor().rules().size());
        assertThat(report.mutants()).filteredOn(m -> m.kind() == Kind.REMOVED).hasSize(report.rules());
        assertThat(report.survivors()).filteredOn(m -> m.kind() == Kind.REMOVED).extracting(Mutant::ruleId)
                .as(report.text()).containsExactlyElementsOf(UNOBSERVABLE_ALONE);
        assertThat(report.survivors()).filteredOn(m -> m.kind() != Kind.REMOVED).extracting(Mutant::change)
                .as(report.text()).containsExactlyElementsOf(WEAKENINGS_NO_ROW_CAN_SEE);
        report.assertScoreAtLeast(0.88);
    }

    @Test
    void ns05AndNs06AreNoticedOnceRulesExcludeTheGentleTechniques() {
        MutationReport report = MutationReport.builder()
                .addRuleDirectory(TestRules.directory("no-gentle-technique"))
                .table(ScenarioTable.fromText("no-safe-technique.csv", ScenarioTablesTest.NO_SAFE_TECHNIQUE))
                .mutating(rule -> UNOBSERVABLE_ALONE.contains(rule.id()))
                .asOf(AS_OF).run();
        assertThat(report.mutants()).extracting(Mutant::ruleId).containsExactlyElementsOf(UNOBSERVABLE_ALONE);
        report.assertNoSurvivors();
    }
}
