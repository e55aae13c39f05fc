package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sciatica.advisor.Disposition.PROCEED_WITH_CAUTION;
import static org.sciatica.advisor.Pressure.FIRM;
import static org.sciatica.advisor.Pressure.MODERATE;
import static org.sciatica.advisor.Technique.DEEP_TISSUE;
import static org.sciatica.advisor.Technique.HOT_STONE;
import static org.sciatica.advisor.Technique.TRIGGER_POINT;
import static org.sciatica.advisor.testing.ClinicalAssertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.sciatica.advisor.testing.Cases;

/**
 * The safety table (docs/SPEC.md), line by line, over every cause and several
 * base cases, so that no line holds only for the one case somebody thought of.
 */
class SafetyTableTest {

    /** Every cause, each as a mild case and as a chronic, stiff, tense, moderately sensitive one. */
    static Stream<Assessment.Builder> baseCases() {
        return Stream.of(Cause.values()).flatMap(cause -> Stream.of(
                Cases.client(cause),
                Cases.client(cause).sensitivity(Sensitivity.MODERATE).inflammation(Inflammation.MILD).painLevel(6)
                        .course(Course.CHRONIC).symptoms(Symptom.STIFFNESS, Symptom.MUSCLE_SPASM)
                        .tenseAreas(BodyArea.IT_BAND, BodyArea.PIRIFORMIS, BodyArea.SOLEUS)));
    }

    private static final Set<RedFlag> CAUDA_EQUINA = EnumSet.of(RedFlag.SADDLE_ANESTHESIA,
            RedFlag.BLADDER_DYSFUNCTION, RedFlag.BOWEL_DYSFUNCTION, RedFlag.SEXUAL_DYSFUNCTION, RedFlag.BILATERAL_SCIATICA);

    @ParameterizedTest(name = "line 1: red flag {0} refers, all five excluded")
    @EnumSource(RedFlag.class)
    void line1_anyRedFlagRefersWithNoTechnique(RedFlag flag) {
        baseCases().forEach(base -> assertThat(Cases.advise(base.redFlags(flag)))
                .refersWithUrgency(CAUDA_EQUINA.contains(flag) || flag == RedFlag.PROGRESSIVE_WEAKNESS || flag == RedFlag.FOOT_DROP
                        || flag == RedFlag.HISTORY_OF_CANCER && base.build().cause() != Cause.MUSCLE_TENSION
                        && base.build().cause() != Cause.PIRIFORMIS_SYNDROME && base.build().cause() != Cause.GLUTEUS_MINIMUS_REFERRAL
                        ? Urgency.EMERGENCY : Urgency.URGENT)
                .recommendsNothing()
                .excludesExactly(Technique.values())
                .warns(WarningCode.RED_FLAG_REFERRAL)
                .doesNotWarn(WarningCode.NO_DIRECT_NERVE_PRESSURE));
    }

    @ParameterizedTest(name = "line 2: deep vein thrombosis refers urgently")
    @MethodSource("baseCases")
    void line2_deepVeinThrombosisRefers(Assessment.Builder base) {
        assertThat(Cases.advise(base.conditions(Condition.DEEP_VEIN_THROMBOSIS)))
                .refersWithUrgency(Urgency.URGENT)
                .warns(WarningCode.CONDITION_REFERRAL)
                .excludesExactly(Technique.values());
    }

    @ParameterizedTest(name = "line 3: no technique left refers with NO_SAFE_TECHNIQUE")
    @MethodSource("baseCases")
    void line3_noTechniqueLeftRefers(Assessment.Builder base) {
        // The bundled rules never exclude Swedish; the test fixture excludes the gentle techniques.
        var advice = Cases.advise(TestRules.NoGentleTechnique.ADVISOR,
                base.sensitivity(Sensitivity.HIGH).symptoms(Symptom.MUSCLE_SPASM));
        assertThat(advice).refers().warns(WarningCode.NO_SAFE_TECHNIQUE).recommendsNothing();
    }

    @ParameterizedTest(name = "line 4: acute inflammation excludes deep tissue and hot stone")
    @MethodSource("baseCases")
    void line4_acuteInflammation(Assessment.Builder base) {
        assertThat(Cases.advise(base.inflammation(Inflammation.ACUTE))).excludes(DEEP_TISSUE, HOT_STONE);
    }

    @ParameterizedTest(name = "line 5: high sensitivity excludes deep tissue and trigger point, no firm pressure")
    @MethodSource("baseCases")
    void line5_highSensitivity(Assessment.Builder base) {
        assertThat(Cases.advise(base.sensitivity(Sensitivity.HIGH))).excludes(DEEP_TISSUE, TRIGGER_POINT).hasPressureAtMost(MODERATE);
    }

    @ParameterizedTest(name = "line 6: {0} excludes deep tissue and trigger point")
    @EnumSource(value = Condition.class, names = {"ANTICOAGULANT_THERAPY", "BLEEDING_DISORDER"})
    void line6_bleedingRisk(Condition condition) {
        baseCases().forEach(base -> assertThat(Cases.advise(base.conditions(condition))).excludes(DEEP_TISSUE, TRIGGER_POINT));
    }

    @ParameterizedTest(name = "line 7: {0} excludes hot stone")
    @EnumSource(value = Condition.class, names = {"PERIPHERAL_NEUROPATHY", "DIABETES"})
    void line7_reducedHeatSensation(Condition condition) {
        baseCases().forEach(base -> assertThat(Cases.advise(base.conditions(condition))).excludes(HOT_STONE));
    }

    @ParameterizedTest(name = "line 8: pregnancy excludes hot stone, at least caution")
    @MethodSource("baseCases")
    void line8_pregnancy(Assessment.Builder base) {
        assertThat(Cases.advise(base.conditions(Condition.PREGNANCY))).excludes(HOT_STONE).isAtLeast(PROCEED_WITH_CAUTION);
    }

    @ParameterizedTest(name = "line 9: osteoporosis excludes deep tissue, no firm pressure")
    @MethodSource("baseCases")
    void line9_osteoporosis(Assessment.Builder base) {
        assertThat(Cases.advise(base.conditions(Condition.OSTEOPOROSIS))).excludes(DEEP_TISSUE).hasPressureAtMost(MODERATE);
    }

    @ParameterizedTest(name = "line 10: recent surgery excludes deep tissue, at least caution")
    @MethodSource("baseCases")
    void line10_recentSurgery(Assessment.Builder base) {
        assertThat(Cases.advise(base.conditions(Condition.RECENT_SURGERY))).excludes(DEEP_TISSUE).isAtLeast(PROCEED_WITH_CAUTION);
    }

    @ParameterizedTest(name = "line 11: a skin condition excludes hot stone")
    @MethodSource("baseCases")
    void line11_skinCondition(Assessment.Builder base) {
        assertThat(Cases.advise(base.conditions(Condition.SKIN_CONDITION))).excludes(HOT_STONE);
    }

    @ParameterizedTest(name = "line 12: nerve compression ({0}) never ranks trigger point first")
    @EnumSource(value = Cause.class, names = {"HERNIATED_DISC", "SPINAL_STENOSIS", "OTHER_SPINAL"})
    void line12_nerveCompression(Cause cause) {
        for (Sensitivity sensitivity : Sensitivity.values()) {
            for (Course course : Course.values()) {
                var advice = Cases.advise(Cases.client(cause).sensitivity(sensitivity).course(course)
                        .symptoms(Symptom.STIFFNESS).tenseAreas(BodyArea.PIRIFORMIS));
                assertThat(advice).isAtLeast(PROCEED_WITH_CAUTION).warns(WarningCode.NERVE_COMPRESSION_CAUSE);
                assertThat(advice.recommendation().firstTechnique().orElseThrow().technique())
                        .as("first technique for " + advice.assessment().summary()).isNotEqualTo(TRIGGER_POINT);
            }
        }
    }

    @ParameterizedTest(name = "line 13: pain {0} is at least caution, no firm pressure, SEVERE_PAIN_CONSULT")
    @org.junit.jupiter.params.provider.ValueSource(ints = {7, 8, 9, 10})
    void line13_severePain(int pain) {
        baseCases().forEach(base -> assertThat(Cases.advise(base.painLevel(pain)))
                .isAtLeast(PROCEED_WITH_CAUTION).hasPressureAtMost(MODERATE).warns(WarningCode.SEVERE_PAIN_CONSULT));
    }

    @ParameterizedTest(name = "line 14: more findings never make the answer less cautious")
    @MethodSource("baseCases")
    void line14_moreFindingsNeverLessCautious(Assessment.Builder base) {
        Assessment before = base.build();
        Recommendation was = Cases.advise(before).recommendation();
        List<Assessment> worse = Stream.of(
                Stream.of(RedFlag.values()).map(f -> before.toBuilder().redFlags(plus(before.redFlags(), f)).build()),
                Stream.of(Condition.values()).map(c -> before.toBuilder().conditions(plus(before.conditions(), c)).build()),
                Stream.of(Sensitivity.values()).filter(s -> s.compareTo(before.sensitivity()) > 0)
                        .map(s -> before.toBuilder().sensitivity(s).build()),
                Stream.of(Inflammation.values()).filter(i -> i.compareTo(before.inflammation()) > 0)
                        .map(i -> before.toBuilder().inflammation(i).build()),
                Stream.iterate(before.painLevel() + 1, p -> p <= 10, p -> p + 1)
                        .map(p -> before.toBuilder().painLevel(p).build()))
                .flatMap(s -> s).toList();
        for (Assessment after : worse) {
            Recommendation now = Cases.advise(after).recommendation();
            assertThat(now.disposition()).as("disposition for " + after.summary() + " versus " + before.summary())
                    .isGreaterThanOrEqualTo(was.disposition());
            for (var excluded : was.excluded()) {
                assertThat(now.excludes(excluded.technique()))
                        .as(excluded.technique() + " was excluded for " + before.summary() + " but came back for " + after.summary())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "every answer lists each technique exactly once")
    @MethodSource("baseCases")
    void eachTechniqueAppearsExactlyOnce(Assessment.Builder base) {
        Recommendation r = Cases.advise(base).recommendation();
        List<Technique> all = Stream.concat(r.techniques().stream().map(Recommendation.RankedTechnique::technique),
                r.excluded().stream().map(Recommendation.ExcludedTechnique::technique)).toList();
        assertThat(all).containsExactlyInAnyOrder(Technique.values());
        assertThat(r.firstTechnique()).isPresent();
        assertThat(r.warns(WarningCode.NO_DIRECT_NERVE_PRESSURE)).as("nerve warning in a non-referral answer").isTrue();
        assertThat(r.techniques()).allSatisfy(t -> assertThat(t.pressure()).isNotNull());
        assertThat(r.techniques().stream().filter(t -> t.pressure() == FIRM)).allSatisfy(t -> assertThat(t.technique()).isEqualTo(DEEP_TISSUE));
    }

    private static <E extends Enum<E>> Set<E> plus(Set<E> set, E value) {
        EnumSet<E> copy = EnumSet.noneOf(value.getDeclaringClass());
        copy.addAll(set);
        copy.add(value);
        return copy;
    }
}
