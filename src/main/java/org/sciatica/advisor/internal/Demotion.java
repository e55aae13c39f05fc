package org.sciatica.advisor.internal;

import org.sciatica.advisor.Technique;

/** A technique that may be used but never as the lead technique: it ranks below every other one. */
public record Demotion(Technique technique, String reason) {
    public Demotion {
        Checks.notNull("technique", technique);
        Checks.text("reason", reason);
    }
}
