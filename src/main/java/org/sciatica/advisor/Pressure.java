package org.sciatica.advisor;

/** Pressure a therapist applies, lightest first. */
public enum Pressure {
    /** Light pressure. */
    LIGHT,
    /** Moderate pressure. */
    MODERATE,
    /** Firm pressure. */
    FIRM
}
