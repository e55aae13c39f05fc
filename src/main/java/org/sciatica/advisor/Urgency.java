package org.sciatica.advisor;

/** How soon a referred client needs medical assessment. */
public enum Urgency {
    /** Needs assessment soon (days), before any massage. */
    URGENT,
    /** Needs emergency assessment today. */
    EMERGENCY
}
