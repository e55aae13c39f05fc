package org.sciatica.advisor;

/** Pressure a therapist applies, lightest first. */
public enum Pressure {
    LIGHT,
    MODERATE,
    FIRM
}
