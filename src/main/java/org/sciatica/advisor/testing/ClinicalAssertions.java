package org.sciatica.advisor.testing;

import org.sciatica.advisor.Recommendation;

/**
 * Entry point of the clinician test kit's assertions:
 *
 * <pre>{@code
 * assertThat(advise(herniatedDisc().sensitivity(HIGH).inflammation(ACUTE).painLevel(6)))
 *         .proceedsWithCaution()
 *         .recommendsFirst(SWEDISH)
 *         .excludes(DEEP_TISSUE, HOT_STONE, TRIGGER_POINT)
 *         .warns(NO_DIRECT_NERVE_PRESSURE, NERVE_COMPRESSION_CAUSE);
 * }</pre>
 *
 * A failure explains itself in clinical terms: the assessment, what was expected, and what the rules
 * did, with their rule ids and reasons.
 */
public final class ClinicalAssertions {
    private ClinicalAssertions() {
    }

    /**
     * Assertions on an advised case; failures show the assessment too.
     *
     * @param advice the advised case
     * @return this assertion, for chaining
     */
    public static RecommendationAssert assertThat(Advice advice) {
        return new RecommendationAssert(advice.recommendation(), advice.assessment());
    }

    /**
     * Assertions on a recommendation alone.
     *
     * @param recommendation the recommendation
     * @return this assertion, for chaining
     */
    public static RecommendationAssert assertThat(Recommendation recommendation) {
        return new RecommendationAssert(recommendation, null);
    }
}
