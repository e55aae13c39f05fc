package org.sciatica.advisor;

/** Symptoms the client reports. */
public enum Symptom {
    SHOOTING_PAIN,
    BURNING_PAIN,
    TINGLING,
    NUMBNESS,
    WEAKNESS,
    PINS_AND_NEEDLES,
    STIFFNESS,
    MUSCLE_SPASM
}
