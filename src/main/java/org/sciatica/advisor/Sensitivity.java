package org.sciatica.advisor;

/** How much pressure the client tolerates; higher means more sensitive. */
public enum Sensitivity {
    /** Tolerates firm pressure. */
    LOW,
    /** Tolerates moderate pressure. */
    MODERATE,
    /** Tolerates only light pressure. */
    HIGH
}
