package org.sciatica.advisor;

/** Symptoms the client reports. */
public enum Symptom {
    /** Pain that shoots down the leg. */
    SHOOTING_PAIN,
    /** Burning pain along the nerve. */
    BURNING_PAIN,
    /** Tingling. */
    TINGLING,
    /** Numbness (reduced sensation, including heat). */
    NUMBNESS,
    /** Weakness that is not getting worse (otherwise a red flag). */
    WEAKNESS,
    /** Pins and needles. */
    PINS_AND_NEEDLES,
    /** Stiff muscles. */
    STIFFNESS,
    /** Muscle spasm. */
    MUSCLE_SPASM
}
