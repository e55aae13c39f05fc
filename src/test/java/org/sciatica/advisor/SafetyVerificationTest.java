package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.testing.Cases;

/**
 * A clinic verifies its rules against the safety table before a client sees them: an old
 * replacement of the varicose-veins rule (CI-08) that lets firm pressure and the calves back fails
 * verification, naming line 18 and the replacing rule; the bundled rules pass. The unit tests
 * check a stated, seeded sample; SafetySweepTest answers the whole space.
 */
class SafetyVerificationTest {
    private static final int SAMPLE = 4_000;

    @Test
    void theBundledRulesPassOnAStatedSample() {
        SafetyVerification.Report report = SafetyVerification.sample(Cases.bundledAdvisor(), SAMPLE, 7);
        assertThat(report.passed()).as(report.text()).isTrue();
        assertThat(report.checked()).isEqualTo(SAMPLE);
        assertThat(report.seed()).isEqualTo(7L);
        assertThat(report.wholeSpace()).isFalse();
        assertThat(report.spaceSize()).isEqualTo(SafetyVerification.spaceSize(Cases.bundledAdvisor())).isGreaterThan(400_000);
        assertThat(report.text()).isEqualTo("Checked 4000 assessments: a sample of the input space of " + report.spaceSize()
                + ", seed 7, with rules " + Cases.bundledAdvisor().rulesVersion() + "\nNo safety line broken.\n");
    }

    @Test
    void aReplacementOfTheVaricoseVeinsRuleWithoutItsLimitsFailsNamingLine18AndTheRule() {
        SciaticaAdvisor clinic = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("unsafe-varicose-rule")).build();
        SafetyVerification.Report report = SafetyVerification.sample(clinic, SAMPLE, 7);
        assertThat(report.passed()).isFalse();
        assertThat(report.brokenAnswers()).isPositive();
        assertThat(report.breaks()).allSatisfy(b -> {
            assertThat(b.ruleIds()).contains("CL-18");
            assertThat(b.example().conditions()).contains(Condition.VARICOSE_VEINS);
            assertThat(b.message()).startsWith("safety line " + b.safetyLine() + " broken: ");
        });
        assertThat(report.breaks()).extracting(SafetyVerification.Break::safetyLine).contains(18);
        assertThat(report.text()).contains("answers refused, ").contains("- safety line 18, rules involved: ")
                .contains("  for example: ");
        // The same seed, the same sample, the same report.
        assertThat(SafetyVerification.sample(clinic, SAMPLE, 7)).isEqualTo(report);
    }

    @Test
    void everyDeclaredClinicFindingIsTriedOnAndOff() {
        SciaticaAdvisor clinic = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("clinic-lymphedema")).build();
        assertThat(SafetyVerification.spaceSize(clinic)).isEqualTo(2 * SafetyVerification.spaceSize(Cases.bundledAdvisor()));
        assertThat(SafetyVerification.sample(clinic, 1_000, 3).passed()).isTrue();
    }

    @Test
    void aSampleIsAtLeastOneAssessment() {
        assertThatThrownBy(() -> SafetyVerification.sample(Cases.bundledAdvisor(), 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("size must be 1 or more, was 0");
    }
}
