package org.sciatica.advisor;

import java.util.Objects;

/**
 * One problem found while loading rules.
 *
 * @param file    the rule file, as given
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, int column, String message) {
    /**
     * Checks and copies the values.
     *
     * @param file the file
     * @param line the line
     * @param column the column
     * @param message the message
     */
    public RuleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: message}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
