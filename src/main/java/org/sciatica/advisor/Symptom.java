package org.sciatica.advisor;

/** Symptoms the client reports. */
public enum Symptom {
    /** Shooting pain. */
    SHOOTING_PAIN,
    /** Burning pain. */
    BURNING_PAIN,
    /** Tingling. */
    TINGLING,
    /** Numbness. */
    NUMBNESS,
    /** Weakness. */
    WEAKNESS,
    /** Pins and needles. */
    PINS_AND_NEEDLES,
    /** Stiffness. */
    STIFFNESS,
    /** Muscle spasm. */
    MUSCLE_SPASM
}
