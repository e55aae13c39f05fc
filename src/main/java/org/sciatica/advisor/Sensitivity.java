package org.sciatica.advisor;

/** How much pressure the client tolerates; higher means more sensitive. */
public enum Sensitivity {
    LOW,
    MODERATE,
    HIGH
}
