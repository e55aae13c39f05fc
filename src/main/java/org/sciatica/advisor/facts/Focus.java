package org.sciatica.advisor.facts;

import org.sciatica.advisor.BodyArea;

/** An area the session should work on, and why. */
public record Focus(BodyArea area, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param area the area
     * @param reason the reason
     */
    public Focus {
        Checks.notNull("area", area);
        Checks.text("reason", reason);
    }
}
