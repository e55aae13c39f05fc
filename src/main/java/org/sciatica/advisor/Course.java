package org.sciatica.advisor;

/** How the sciatica has behaved over time. */
public enum Course {
    /** Recent onset. */
    ACUTE,
    /** Present for months. */
    CHRONIC,
    /** Comes back in episodes. */
    RECURRING
}
