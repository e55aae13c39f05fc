package org.sciatica.advisor.facts;

/** Where a step belongs in a session; steps are listed in this order. */
public enum Phase {
    /** Before the session: clearance, positioning. */
    PREPARE,
    /** Warm-up before any deeper work. */
    WARM_UP,
    /** The main work. */
    MAIN,
    /** After the session and between sessions. */
    AFTERCARE
}
