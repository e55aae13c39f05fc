package org.sciatica.advisor.facts;

/**
 * A question for the therapist: an input field the assessment does not report, whose answer may be
 * a reason to refer or to hold back. A question informs; it never makes the answer less cautious.
 *
 * @param field the input field's name as in the JSON input ({@code age}, {@code course})
 * @param why   why it matters, in words a therapist reads
 */
public record Ask(String field, String why) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param field the field
     * @param why the reason
     */
    public Ask {
        Checks.text("field", field);
        Checks.text("why", why);
    }
}
