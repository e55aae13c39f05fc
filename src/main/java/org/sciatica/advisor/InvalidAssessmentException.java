package org.sciatica.advisor;

import org.jspecify.annotations.Nullable;

/**
 * An assessment that cannot be evaluated: a required field is missing or a value is out of range.
 * The message names the field, the value given and what is allowed.
 */
public final class InvalidAssessmentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Field;. */
    private final @Nullable String field;

    /**
     * @param field   the offending field, as named in the JSON input (docs/SPEC.md) (for example {@code painLevel})
     * @param message a complete sentence naming the field, the value and the allowed values
     */
    public InvalidAssessmentException(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The offending field, as named in the JSON input (docs/SPEC.md); null when the input is not an object at all.
     *
     * @return the field text
     */
    public @Nullable String field() {
        return field;
    }
}
