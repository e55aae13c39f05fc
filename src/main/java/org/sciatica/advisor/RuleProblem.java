package org.sciatica.advisor;

import java.util.Objects;

/**
 * One problem found while loading rules.
 *
 * @param file    the rule file, as given, or a rule directory for a problem with the directory itself
 * @param line    1-based line, or 0 for a problem with a whole file or directory (a missing file, a
 *                folder that is not a directory)
 * @param column  1-based column, or 0 when only the line is known
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

    /**
     * {@code file:line:column: message}, the form compilers and editors understand; a problem with a
     * whole file or directory has no position ({@code dir/sources.csv: message}, {@code dir: message}),
     * never a made-up {@code :0:0:}.
     */
    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
