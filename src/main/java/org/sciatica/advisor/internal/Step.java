package org.sciatica.advisor.internal;

/** One step of the session plan. */
public record Step(Phase phase, String text) {
    public Step {
        Checks.notNull("phase", phase);
        Checks.text("text", text);
    }
}
