package org.sciatica.advisor;

/** Symptoms the client reports. */
public enum Symptom {
    /** Pain that shoots down the leg. */
    SHOOTING_PAIN,
    /** Burning pain along the nerve. */
    BURNING_PAIN,
    /** Tingling. */
    TINGLING,
    /** Numbness: reduced sensation of touch, pressure and heat; a neurological sign. */
    NUMBNESS,
    /** Weakness that is not getting worse (getting worse is the red flag PROGRESSIVE_WEAKNESS); a neurological sign. */
    WEAKNESS,
    /** Pins and needles. */
    PINS_AND_NEEDLES,
    /** Stiff muscles. */
    STIFFNESS,
    /** Muscle spasm. */
    MUSCLE_SPASM;

    /**
     * True for the symptoms that say the nerve root itself may be involved.
     *
     * @return true for numbness and weakness
     */
    public boolean isNeurologicalSign() {
        return this == NUMBNESS || this == WEAKNESS;
    }

    /**
     * True for the symptoms of an irritated nerve root: shooting or burning pain, tingling, pins
     * and needles, numbness, weakness.
     *
     * @return true for the nerve root symptoms
     */
    public boolean isNerveRootSymptom() {
        return this != STIFFNESS && this != MUSCLE_SPASM;
    }

    /**
     * True for the symptoms that mean the client may not feel pressure or heat.
     *
     * @return true for numbness
     */
    public boolean reducesSensation() {
        return this == NUMBNESS;
    }
}
