package org.sciatica.advisor.facts;

/** Argument checks shared by the fact records. */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be a non-blank text, was " + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }
}
