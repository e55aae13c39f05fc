package org.sciatica.advisor.facts;

import org.sciatica.advisor.WarningCode;

/**
 * A warning for the therapist; its severity and the least cautious disposition it allows come
 * from the code: a built-in {@link WarningCode}, or a warning code the clinic declared in the
 * {@code vocabulary.csv} beside its rules.
 *
 * @param code    the warning code's name
 * @param message the warning in words a therapist reads
 */
public record Alert(String code, String message) {
    /**
     * A warning with a built-in code.
     *
     * @param code    the code
     * @param message the warning in words
     */
    public Alert(WarningCode code, String message) {
        this(Checks.notNull("code", code).name(), message);
    }

    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param code the code
     * @param message the message
     */
    public Alert {
        Checks.text("code", code);
        Checks.text("message", message);
    }
}
