package org.sciatica.advisor.facts;

import org.sciatica.advisor.WarningCode;

/** A warning for the therapist; its severity comes from the code. */
public record Alert(WarningCode code, String message) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param code the code
     * @param message the message
     */
    public Alert {
        Checks.notNull("code", code);
        Checks.text("message", message);
    }
}
