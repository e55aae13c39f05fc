package org.sciatica.advisor.internal;

import org.sciatica.advisor.WarningCode;

/** A warning for the therapist; its severity comes from the code. */
public record Alert(WarningCode code, String message) {
    public Alert {
        Checks.notNull("code", code);
        Checks.text("message", message);
    }
}
