package org.sciatica.advisor.testing;

import java.util.Objects;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;

/**
 * An assessment and what the rules advised for it, kept together so that a failing assertion can
 * say which case it was about.
 */
public record Advice(Assessment assessment, Recommendation recommendation) {
    /**
     * Checks and copies the values.
     *
     * @param assessment the assessment
     * @param recommendation the recommendation
     */
    public Advice {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(recommendation, "recommendation");
    }
}
