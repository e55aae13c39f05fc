package org.sciatica.advisor.facts;

import org.sciatica.advisor.Technique;

/**
 * A rule's argument for a technique. Techniques are ranked by the sum of their supports' weights.
 *
 * @param technique the technique argued for
 * @param weight    3: the source names it for the client's main problem (cause, course, tolerance);
 *                  2: for a symptom or as the gentle alternative; 1: general good practice;
 *                  0: available, nothing argues for it
 * @param reason    why, in words a therapist reads
 */
public record Support(Technique technique, int weight, String reason) {
    /** Largest weight one support may carry. */
    public static final int MAX_WEIGHT = 5;

    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param technique the technique
     * @param weight the weight
     * @param reason the reason
     */
    public Support {
        Checks.notNull("technique", technique);
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be from 0 to " + MAX_WEIGHT + ", was " + weight);
        }
        Checks.text("reason", reason);
    }
}
