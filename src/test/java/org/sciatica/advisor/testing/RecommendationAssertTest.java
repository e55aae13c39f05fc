package org.sciatica.advisor.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sciatica.advisor.testing.Cases.advise;
import static org.sciatica.advisor.testing.Cases.herniatedDisc;
import static org.sciatica.advisor.testing.ClinicalAssertions.assertThat;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;

/** The test kit's own tests: a failure explains itself in clinical terms. */
class RecommendationAssertTest {
    private final Advice acuteDisc = advise(herniatedDisc().sensitivity(Sensitivity.HIGH).inflammation(Inflammation.ACUTE).painLevel(6));

    @Test
    void passesOnTheStyleGuideCase() {
        assertThat(acuteDisc).proceedsWithCaution()
                .recommendsFirst(Technique.SWEDISH)
                .excludes(Technique.DEEP_TISSUE, Technique.HOT_STONE, Technique.TRIGGER_POINT)
                .warns(WarningCode.NO_DIRECT_NERVE_PRESSURE, WarningCode.NERVE_COMPRESSION_CAUSE)
                .hasPressureAtMost(Pressure.LIGHT)
                .ranksAbove(Technique.SWEDISH, Technique.VIBRATION)
                .focusesOn(BodyArea.PIRIFORMIS);
    }

    @Test
    void aWrongFirstTechniqueExplainsTheRankingWithRuleIds() {
        assertThatThrownBy(() -> assertThat(acuteDisc).recommendsFirst(Technique.VIBRATION))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected VIBRATION first, but the rules ranked SWEDISH first.\n"
                        + "  assessment: HERNIATED_DISC, sensitivity HIGH, inflammation ACUTE, pain 6\n"
                        + "  disposition: PROCEED_WITH_CAUTION\n"
                        + "  ranked:\n"
                        + "    SWEDISH        LIGHT    TQ-03 \"flowing Swedish strokes suit pressure sensitivity and inflammation\"")
                .hasMessageContaining("    VIBRATION      LIGHT    TQ-05 \"vibration relaxes muscles without deep pressure")
                .hasMessageContaining("  excluded:\n    DEEP_TISSUE    CI-09 \"firm pressure on acutely inflamed tissue may worsen it\"")
                .hasMessageContaining("  fired: CI-09, CI-10, CI-12, CI-26, TQ-03");
    }

    @Test
    void eachVerbFailsWhenItsClaimIsFalse() {
        assertFails(a -> a.refers(), "Expected REFER, but the disposition was PROCEED_WITH_CAUTION.");
        assertFails(a -> a.proceeds(), "Expected PROCEED, but the disposition was PROCEED_WITH_CAUTION.");
        assertFails(a -> a.refersWithUrgency(Urgency.URGENT), "Expected REFER, but");
        assertFails(a -> a.recommends(Technique.DEEP_TISSUE), "Expected DEEP_TISSUE to be recommended, but it was excluded.");
        assertFails(a -> a.excludes(Technique.SWEDISH), "Expected SWEDISH to be excluded, but it was recommended.");
        assertFails(a -> a.doesNotExclude(Technique.HOT_STONE), "Expected HOT_STONE not to be excluded, but it was.");
        assertFails(a -> a.ranksAbove(Technique.VIBRATION, Technique.SWEDISH),
                "Expected VIBRATION to rank above SWEDISH, but SWEDISH ranked first and VIBRATION second.");
        assertFails(a -> a.hasPressureAtMost(Pressure.LIGHT).warns(WarningCode.SEVERE_PAIN_CONSULT),
                "Expected the warning SEVERE_PAIN_CONSULT, but the rules did not raise it.");
        assertFails(a -> a.doesNotWarn(WarningCode.NERVE_COMPRESSION_CAUSE), "Expected no NERVE_COMPRESSION_CAUSE warning");
        assertFails(a -> a.firedRule("RF-01"), "Expected rule RF-01 to fire, but it did not.");
        assertFails(a -> a.didNotFire("CI-09"), "Expected rule CI-09 not to fire, but it fired.");
        assertFails(a -> a.firedExactly("CI-09"), "Expected exactly the rules [CI-09] to fire, but [CI-09, CI-10");
        assertFails(a -> a.focusesOn(BodyArea.SOLEUS), "Expected a focus on SOLEUS, but the focus areas were [GLUTEUS_MAXIMUS");
        assertFails(a -> a.hasNoSessionFrequency(), "Expected no sessions-per-week, but the plan set 1 to 2.");
        assertFails(a -> a.hasSessionsPerWeek(2, 3), "Expected 2 to 3 sessions a week, but the plan set 1 to 2.");
        assertFails(a -> a.hasPlanStepFrom("SP-02"), "Expected a session plan step from rule SP-02, but there was none.");
        assertFails(a -> a.recommendsNothing(), "Expected no technique to be recommended, but the rules recommended SWEDISH, VIBRATION.");
    }

    private void assertFails(java.util.function.Consumer<RecommendationAssert> claim, String message) {
        assertThatThrownBy(() -> claim.accept(assertThat(acuteDisc)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(message);
    }
}
