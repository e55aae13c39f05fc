package org.sciatica.advisor.internal;

import org.sciatica.advisor.BodyArea;

/** An area the session should work on, and why. */
public record Focus(BodyArea area, String reason) {
    public Focus {
        Checks.notNull("area", area);
        Checks.text("reason", reason);
    }
}
