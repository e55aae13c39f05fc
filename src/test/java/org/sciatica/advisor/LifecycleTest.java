package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.sciatica.advisor.testing.Cases.advise;
import static org.sciatica.advisor.testing.Cases.muscleTension;
import static org.sciatica.advisor.testing.ClinicalAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.testing.Cases;

/**
 * Rule lifecycle: status, review and effective dates, answers as of a date, drafts on trial, and a
 * replacement that takes over on a date.
 */
class LifecycleTest {
    private static final LocalDate NOV_2026 = LocalDate.of(2026, 11, 28);
    /** The day every bundled rule was last reviewed (the third clinical review round). */
    private static final LocalDate REVIEWED = LocalDate.of(2026, 12, 6);
    private static final SciaticaAdvisor CLINIC = SciaticaAdvisor.builder()
            .addRuleDirectory(TestRules.directory("lifecycle")).asOf(NOV_2026).build();

    @Test
    void everyBundledRuleIsActiveAndWasReviewedOnTheDayTheyWereWritten() {
        assertThat(Cases.bundledAdvisor().rules()).allSatisfy(rule -> {
            assertThat(rule.status()).as(rule.id()).isEqualTo(RuleStatus.ACTIVE);
            assertThat(rule.reviewed()).as(rule.id()).isEqualTo(REVIEWED);
            assertThat(rule.effective()).as(rule.id()).isNull();
            assertThat(rule.expiry()).as(rule.id()).isNull();
        });
    }

    @Test
    void theCatalogReadsEachRulesLifecycle() {
        RuleInfo draft = rule(CLINIC, "LC-DRAFT");
        assertThat(draft.status()).isEqualTo(RuleStatus.DRAFT);
        assertThat(draft.reviewed()).isEqualTo(LocalDate.of(2026, 11, 1));
        RuleInfo june = rule(CLINIC, "LC-JUNE");
        assertThat(june.effective()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(june.expiry()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(june.reviewed()).isNull();
        assertThat(rule(CLINIC, "LC-EXPIRED").status()).as("no @status: active").isEqualTo(RuleStatus.ACTIVE);
        assertThat(rule(CLINIC, "LC-RETIRED").status()).isEqualTo(RuleStatus.RETIRED);
    }

    @Test
    void anAnswerUsesOnlyTheRulesInForceOnItsDateAndSaysWhichDate() {
        Assessment everything = muscleTension().symptoms(Symptom.BURNING_PAIN, Symptom.MUSCLE_SPASM, Symptom.SHOOTING_PAIN,
                Symptom.PINS_AND_NEEDLES, Symptom.STIFFNESS).build();
        assertThat(CLINIC.advise(everything).asOf()).isEqualTo(NOV_2026);
        assertThat(advise(CLINIC, everything)).didNotFire("LC-DRAFT", "LC-RETIRED", "LC-FUTURE", "LC-EXPIRED", "LC-JUNE")
                .doesNotRecommendFirst(Technique.VIBRATION);
        assertThat(advise(CLINIC.asOf(LocalDate.of(2027, 1, 1)), everything)).firedRule("LC-FUTURE")
                .didNotFire("LC-DRAFT", "LC-RETIRED", "LC-EXPIRED", "LC-JUNE").recommendsFirst(Technique.VIBRATION);
        assertThat(advise(CLINIC.asOf(LocalDate.of(2025, 12, 31)), everything)).firedRule("LC-EXPIRED")
                .didNotFire("LC-FUTURE", "LC-JUNE");
        assertThat(advise(CLINIC.asOf(LocalDate.of(2026, 6, 1)), everything)).firedRule("LC-JUNE").didNotFire("LC-EXPIRED");
        assertThat(advise(CLINIC.asOf(LocalDate.of(2026, 6, 30)), everything)).firedRule("LC-JUNE");
        assertThat(advise(CLINIC.asOf(LocalDate.of(2026, 7, 1)), everything)).as("@expiry is the first day it no longer applies")
                .didNotFire("LC-JUNE");
        assertThat(CLINIC.asOf(LocalDate.of(2027, 1, 1)).advise(everything).asOf()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void draftsRunOnlyWhenAskedForAndRetiredRulesNever() {
        SciaticaAdvisor trial = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("lifecycle"))
                .withDrafts().asOf(NOV_2026).build();
        Assessment burning = muscleTension().symptoms(Symptom.BURNING_PAIN, Symptom.MUSCLE_SPASM).build();
        assertThat(advise(trial, burning)).firedRule("LC-DRAFT").didNotFire("LC-RETIRED").recommendsFirst(Technique.VIBRATION);
        assertThat(advise(CLINIC, burning)).didNotFire("LC-DRAFT", "LC-RETIRED");
        assertThat(trial.rulesInForce()).extracting(RuleInfo::id).contains("LC-DRAFT").doesNotContain("LC-RETIRED", "LC-FUTURE");
        assertThat(CLINIC.rulesInForce()).extracting(RuleInfo::id).doesNotContain("LC-DRAFT");
    }

    @Test
    void withoutADateAnAnswerIsGivenAsOfToday() {
        LocalDate before = LocalDate.now();
        LocalDate asOf = Cases.bundledAdvisor().advise(muscleTension().build()).asOf();
        assertThat(asOf).isBetween(before, LocalDate.now());
        assertThat(Cases.bundledAdvisor().asOf()).isBetween(before, LocalDate.now());
    }

    @Test
    void aReviewOlderThanTheReviewAgeIsOverdue() {
        RuleInfo reviewed = rule(CLINIC, "LC-FUTURE");
        assertThat(reviewed.reviewDue(365)).isEqualTo(LocalDate.of(2027, 11, 20));
        assertThat(reviewed.reviewOverdue(LocalDate.of(2027, 11, 20), 365)).isFalse();
        assertThat(reviewed.reviewOverdue(LocalDate.of(2027, 11, 21), 365)).isTrue();
        assertThat(rule(CLINIC, "LC-JUNE").reviewOverdue(NOV_2026, 365)).as("never reviewed").isTrue();
        assertThat(rule(CLINIC, "LC-RETIRED").reviewOverdue(NOV_2026, 365)).as("retired rules need no review").isFalse();
        assertThat(CLINIC.rulesOverdueForReview()).extracting(RuleInfo::id).contains("LC-EXPIRED", "LC-JUNE")
                .doesNotContain("LC-DRAFT", "LC-FUTURE", "LC-RETIRED", "CI-08");
        SciaticaAdvisor strict = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("lifecycle"))
                .reviewAgeDays(20).asOf(NOV_2026).build();
        assertThat(strict.reviewAgeDays()).isEqualTo(20);
        assertThat(strict.rulesOverdueForReview()).extracting(RuleInfo::id).contains("LC-DRAFT").doesNotContain("LC-FUTURE", "CI-08");
        assertThat(Cases.bundledAdvisor().asOf(REVIEWED.plusDays(366)).rulesOverdueForReview())
                .hasSameSizeAs(Cases.bundledAdvisor().rules());
        assertThat(Cases.bundledAdvisor().asOf(REVIEWED.plusDays(365)).rulesOverdueForReview()).isEmpty();
        assertThatThrownBy(() -> SciaticaAdvisor.builder().reviewAgeDays(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 days or more");
    }

    @Test
    void aReplacementWithAnEffectiveDateTakesOverOnThatDate() {
        SciaticaAdvisor clinic = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("draft-rule")).build();
        assertThat(clinic.rules()).extracting(RuleInfo::id).contains("CI-08", "CL-08-2027");
        assertThat(rule(clinic, "CI-08").effects()).contains("gives way to CL-08-2027 while CL-08-2027 is in force");
        Assessment veins = muscleTension().conditions(Condition.VARICOSE_VEINS).build();
        assertThat(advise(clinic.asOf(LocalDate.of(2026, 12, 31)), veins)).firedRule("CI-08").didNotFire("CL-08-2027");
        assertThat(advise(clinic.asOf(LocalDate.of(2027, 1, 1)), veins)).firedRule("CL-08-2027").didNotFire("CI-08")
                .excludes(Technique.HOT_STONE).warns(WarningCode.VEIN_PRESSURE);
    }

    @Test
    void aDraftReplacementReplacesNothingUnlessDraftsRun() {
        Assessment skin = muscleTension().conditions(Condition.SKIN_CONDITION).build();
        SciaticaAdvisor clinic = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("draft-rule")).asOf(NOV_2026).build();
        assertThat(clinic.rules()).extracting(RuleInfo::id).contains("CI-07", "CL-07-DRAFT");
        assertThat(advise(clinic, skin)).firedRule("CI-07").didNotFire("CL-07-DRAFT");
        SciaticaAdvisor trial = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("draft-rule"))
                .withDrafts().asOf(NOV_2026).build();
        assertThat(trial.rules()).extracting(RuleInfo::id).doesNotContain("CI-07").contains("CL-07-DRAFT");
        assertThat(advise(trial, skin)).firedRule("CL-07-DRAFT").excludes(Technique.HOT_STONE).warns(WarningCode.AFFECTED_SKIN);
    }

    @Test
    void badLifecycleMetadataIsALoadErrorAtItsPlaceNamingWhatIsAllowed() {
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("bad-lifecycle")).build());
        List<RuleProblem> problems = e.problems();
        assertThat(problems).extracting(RuleProblem::line).containsExactly(10, 20, 30, 40, 51, 61, 71);
        assertThat(problems).extracting(RuleProblem::column).containsExactly(5, 5, 5, 5, 5, 5, 5);
        assertThat(problems.get(0).message()).isEqualTo("rule \"An unknown status\" has @status(\"live\"), which is not a status;"
                + " allowed: \"draft\", \"active\", \"retired\"");
        assertThat(problems.get(1).message()).contains("@status(\"Active\")").contains("did you mean \"active\"?");
        assertThat(problems.get(2).message()).isEqualTo("rule \"A review date written the British way\" has @reviewed(\"28/11/2026\"),"
                + " which is not a date written YYYY-MM-DD (for example @reviewed(\"2026-11-28\"))");
        assertThat(problems.get(3).message()).contains("@effective(\"2026-02-30\"), which is not a date in the calendar");
        assertThat(problems.get(4).message()).contains("@expiry(\"2026-12-31\") on or before its @effective(\"2027-01-01\")");
        assertThat(problems.get(5).message()).contains("uses the Drools attribute date-effective")
                .contains("write @effective(\"YYYY-MM-DD\") instead");
        assertThat(problems.get(6).message()).contains("has @expires, which Drools keeps for events; write @expiry(\"YYYY-MM-DD\")");
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).endsWith("clinic.drl"));
    }

    @Test
    void theRecordKeepsItsOlderConstructor() {
        RuleInfo info = new RuleInfo("X-1", "x", "x.drl", Cases.bundledAdvisor().rules().get(0).source(), List.of());
        assertThat(info.status()).isEqualTo(RuleStatus.ACTIVE);
        assertThat(info.reviewed()).isNull();
        assertThat(info.inForceOn(NOV_2026, false)).isTrue();
    }

    private static RuleInfo rule(SciaticaAdvisor advisor, String id) {
        return advisor.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
