package org.sciatica.advisor.internal;

import org.sciatica.advisor.Technique;

/** A technique that must not be used for this client, and why. An exclusion always wins over support. */
public record Exclusion(Technique technique, String reason) {
    public Exclusion {
        Checks.notNull("technique", technique);
        Checks.text("reason", reason);
    }
}
