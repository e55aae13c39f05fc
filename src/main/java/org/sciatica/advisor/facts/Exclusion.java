package org.sciatica.advisor.facts;

import org.sciatica.advisor.Technique;

/** A technique that must not be used for this client, and why. An exclusion always wins over support. */
public record Exclusion(Technique technique, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param technique the technique
     * @param reason the reason
     */
    public Exclusion {
        Checks.notNull("technique", technique);
        Checks.text("reason", reason);
    }
}
