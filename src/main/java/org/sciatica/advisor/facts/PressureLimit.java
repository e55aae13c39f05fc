package org.sciatica.advisor.facts;

import org.sciatica.advisor.Pressure;

/** The most pressure any technique may use for this client, and why. The lowest limit wins. */
public record PressureLimit(Pressure max, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param max the max
     * @param reason the reason
     */
    public PressureLimit {
        Checks.notNull("max", max);
        Checks.text("reason", reason);
    }

    /**
     * True when this limit rules out firm pressure.
     *
     * @return whether the limit is below firm
     */
    public boolean belowFirm() {
        return max.compareTo(Pressure.FIRM) < 0;
    }
}
