package org.sciatica.advisor;

/** Inflammation of the painful region. */
public enum Inflammation {
    /** No inflammation. */
    NONE,
    /** Mild inflammation. */
    MILD,
    /** Acute inflammation: no deep work, no heat. */
    ACUTE
}
