package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sciatica.advisor.testing.Cases;

/** An assessment is checked when it is built; errors name the field, the value and what is allowed. */
class AssessmentTest {

    @Test
    void aMissingCauseIsRejectedWithTheAllowedCauses() {
        assertThatThrownBy(() -> Cases.muscleTension().cause(null).build())
                .isInstanceOf(InvalidAssessmentException.class)
                .hasMessage("cause is required: one of MUSCLE_TENSION, PIRIFORMIS_SYNDROME, GLUTEUS_MINIMUS_REFERRAL, "
                        + "HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN")
                .extracting(e -> ((InvalidAssessmentException) e).field()).isEqualTo("cause");
    }

    @Test
    void aMissingSensitivityOrInflammationIsRejected() {
        assertThatThrownBy(() -> Cases.muscleTension().sensitivity(null).build())
                .hasMessage("sensitivity is required: one of LOW, MODERATE, HIGH");
        assertThatThrownBy(() -> Cases.muscleTension().inflammation(null).build())
                .hasMessage("inflammation is required: one of NONE, MILD, ACUTE");
    }

    @Test
    void aMissingPainLevelIsRejected() {
        assertThatThrownBy(() -> Assessment.builder().cause(Cause.UNKNOWN).sensitivity(Sensitivity.LOW)
                .inflammation(Inflammation.NONE).build())
                .isInstanceOf(InvalidAssessmentException.class)
                .hasMessage("painLevel is required: a whole number from 0 to 10");
    }

    @ParameterizedTest(name = "pain {0} is rejected")
    @ValueSource(ints = {-1, 11, 15, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void painOutsideZeroToTenIsRejected(int pain) {
        assertThatThrownBy(() -> Cases.muscleTension().painLevel(pain).build())
                .isInstanceOf(InvalidAssessmentException.class)
                .hasMessage("painLevel must be a whole number from 0 to 10, was " + pain);
    }

    @Test
    void painZeroAndTenAreAccepted() {
        assertThat(Cases.muscleTension().painLevel(0).build().painLevel()).isZero();
        assertThat(Cases.muscleTension().painLevel(10).build().severePain()).isTrue();
    }

    @Test
    void aNullEntryInASetIsRejectedNamingTheSet() {
        assertThatThrownBy(() -> Cases.muscleTension().redFlags(Arrays.asList(RedFlag.FEVER, null)).build())
                .isInstanceOf(InvalidAssessmentException.class)
                .hasMessageStartingWith("redFlags must not contain null; allowed values: SADDLE_ANESTHESIA");
    }

    @Test
    void aRepeatedEntryCountsOnceAndSetsCannotBeChanged() {
        Assessment a = Cases.muscleTension().symptoms(Symptom.TINGLING, Symptom.TINGLING, Symptom.NUMBNESS).build();
        assertThat(a.symptoms()).containsExactly(Symptom.TINGLING, Symptom.NUMBNESS);
        assertThatThrownBy(() -> a.symptoms().add(Symptom.WEAKNESS)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void setsCopyTheirInputSoLaterChangesDoNotLeakIn() {
        Set<Condition> conditions = new HashSet<>(Set.of(Condition.DIABETES));
        Assessment a = Cases.muscleTension().conditions(conditions).build();
        conditions.add(Condition.DEEP_VEIN_THROMBOSIS);
        assertThat(a.conditions()).containsExactly(Condition.DIABETES);
    }

    @Test
    void absentSetsAreEmptyAndAbsentCourseIsNull() {
        Assessment a = Cases.muscleTension().build();
        assertThat(a.symptoms()).isEmpty();
        assertThat(a.tenseAreas()).isEmpty();
        assertThat(a.redFlags()).isEmpty();
        assertThat(a.conditions()).isEmpty();
        assertThat(a.course()).isNull();
        assertThat(a.id()).isNull();
    }

    @Test
    void toBuilderMakesAnEqualCopy() {
        Assessment a = Cases.herniatedDisc().id("x").course(Course.RECURRING).tenseAreas(BodyArea.SOLEUS).build();
        assertThat(a.toBuilder().build()).isEqualTo(a);
    }

    @Test
    void theSummaryReadsAsOneClinicalLine() {
        assertThat(Cases.herniatedDisc().sensitivity(Sensitivity.HIGH).inflammation(Inflammation.ACUTE).painLevel(6)
                .conditions(Condition.PREGNANCY).build().summary())
                .isEqualTo("HERNIATED_DISC, sensitivity HIGH, inflammation ACUTE, pain 6, conditions PREGNANCY");
    }
}
