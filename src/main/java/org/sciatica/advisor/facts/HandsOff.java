package org.sciatica.advisor.facts;

import org.sciatica.advisor.BodyArea;

/**
 * A body area the session keeps its hands off, and why. An area kept hands-off is never a focus
 * area, whatever else argues for it.
 *
 * @param area   the area to leave alone
 * @param reason why, in words a therapist reads
 */
public record HandsOff(BodyArea area, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param area the area
     * @param reason the reason
     */
    public HandsOff {
        Checks.notNull("area", area);
        Checks.text("reason", reason);
    }
}
