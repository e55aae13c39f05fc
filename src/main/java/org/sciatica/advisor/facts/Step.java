package org.sciatica.advisor.facts;

/** One step of the session plan. */
public record Step(Phase phase, String text) {
    /**
     * Checks the arguments: a missing or blank one is an {@link IllegalArgumentException} that names it.
     *
     * @param phase the phase
     * @param text the text
     */
    public Step {
        Checks.notNull("phase", phase);
        Checks.text("text", text);
    }
}
