package org.sciatica.advisor.facts;

import org.sciatica.advisor.Technique;

/** A technique that may be used but never as the lead technique: it ranks below every other one. */
public record Demotion(Technique technique, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param technique the technique
     * @param reason the reason
     */
    public Demotion {
        Checks.notNull("technique", technique);
        Checks.text("reason", reason);
    }
}
