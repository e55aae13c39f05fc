package org.sciatica.advisor.testing;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What one row of a scenario table came to when run without JUnit ({@link ScenarioTable#run()}, the
 * command line's {@code test}).
 *
 * @param table   the table's file or resource
 * @param line    the row's line in the table
 * @param name    the row's {@code name}
 * @param result  passed, failed (an expectation does not hold, or the rules refused the answer), or
 *                broken (the row cannot be read)
 * @param message why it failed or is broken, with the row and the clinical explanation; null when it passed
 */
public record ScenarioOutcome(String table, int line, String name, Result result, @Nullable String message) {
    /** How a row came out. */
    public enum Result {
        /** Every expectation of the row holds. */
        PASSED,
        /** An expectation does not hold, or the rules refused to answer (a rule error, the safety monitor). */
        FAILED,
        /** The row cannot be read (a bad value, too many cells, an unknown warning code). */
        BROKEN
    }

    /**
     * Checks the arguments.
     *
     * @param table   the table's file or resource
     * @param line    the row's line in the table
     * @param name    the row's name
     * @param result  how the row came out
     * @param message why, unless it passed
     */
    public ScenarioOutcome {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
        if ((result == Result.PASSED) != (message == null)) {
            throw new IllegalArgumentException("message: a row that passed has none, any other has one; was "
                    + (message == null ? "null" : "\"" + message + "\"") + " for " + result);
        }
    }

    /**
     * Whether the row passed.
     *
     * @return true when every expectation holds
     */
    public boolean passed() {
        return result == Result.PASSED;
    }
}
