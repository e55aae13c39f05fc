package org.sciatica.advisor.internal;

import org.sciatica.advisor.Pressure;

/** The most pressure any technique may use for this client, and why. The lowest limit wins. */
public record PressureLimit(Pressure max, String reason) {
    public PressureLimit {
        Checks.notNull("max", max);
        Checks.text("reason", reason);
    }

    /** True when this limit rules out firm pressure. */
    public boolean belowFirm() {
        return max.compareTo(Pressure.FIRM) < 0;
    }
}
