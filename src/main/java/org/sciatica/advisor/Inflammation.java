package org.sciatica.advisor;

/** Inflammation of the painful region. */
public enum Inflammation {
    NONE,
    MILD,
    ACUTE
}
