package org.sciatica.advisor;

/** Massage techniques the rules choose from. */
public enum Technique {
    DEEP_TISSUE,
    SWEDISH,
    TRIGGER_POINT,
    HOT_STONE,
    VIBRATION
}
