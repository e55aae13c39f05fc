package org.sciatica.advisor;

import java.util.List;
import java.util.Objects;

/**
 * The runtime safety monitor refused an answer: the rules produced an answer that breaks a line
 * of the safety table (see {@code docs/SPEC.md}). Only added or replacing rules can cause this;
 * the caller gets this error instead of an unsafe answer.
 */
public final class SafetyViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The safety-table line broken. */
    private final int line;
    /** The rules involved. */
    private final List<String> ruleIds;

    /**
     * @param line    the safety-table line broken (1 to 24)
     * @param what    what the answer did wrong, in words
     * @param ruleIds the rules involved: the ones that fired for this answer and touch the broken line
     */
    public SafetyViolationException(int line, String what, List<String> ruleIds) {
        super("safety line " + line + " broken: " + Objects.requireNonNull(what, "what")
                + (ruleIds.isEmpty() ? "" : " (rules involved: " + String.join(", ", ruleIds) + ")"));
        this.line = line;
        this.ruleIds = List.copyOf(ruleIds);
    }

    /** @return the safety-table line the answer broke */
    public int line() {
        return line;
    }

    /** @return the ids of the rules involved, in rule order */
    public List<String> ruleIds() {
        return ruleIds;
    }
}
