package org.sciatica.advisor.facts;

/** How many sessions a week suit the client. When several rules give one, the most conservative wins. */
public record Frequency(int min, int max, String reason) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param min the min
     * @param max the max
     * @param reason the reason
     */
    public Frequency {
        if (min < 0 || max < min || max > 7) {
            throw new IllegalArgumentException("sessions per week must satisfy 0 <= min <= max <= 7, was " + min + ".." + max);
        }
        Checks.text("reason", reason);
    }
}
