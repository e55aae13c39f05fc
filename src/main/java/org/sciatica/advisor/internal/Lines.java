package org.sciatica.advisor.internal;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The lines of a rule file's text, split once per text: loading the rules reads a file's lines
 * several times for each rule in it (where it is declared, its metadata, its actions), and
 * splitting a file afresh each time was a fifth of the command line's start-up.
 */
final class Lines {
    private static final Map<String, String[]> SPLIT = Collections.synchronizedMap(new WeakHashMap<>());

    private Lines() {
    }

    /** The text's lines, split at every line end; shared, so never changed by a caller. */
    static String[] of(String text) {
        return SPLIT.computeIfAbsent(text, t -> t.split("\\R", -1));
    }
}
