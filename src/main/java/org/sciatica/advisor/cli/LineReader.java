package org.sciatica.advisor.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxLength} characters without ever holding more than that: the
 * rest of a longer line is skipped, and the line is reported as too long. Line numbers count
 * every line, blank ones included. Accepts \n and \r\n endings.
 */
final class LineReader {
    /** One input line: its 1-based number, and its text, or null when it was longer than allowed. */
    record Line(long number, String text, long length) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long number;

    LineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    return finish(text, length);
                }
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                return finish(text, length);
            }
            length++;
            if (length <= maxLength) {
                text.append(c);
            }
        }
    }

    /** How many lines were read so far. */
    long lineNumber() {
        return number;
    }

    private Line finish(StringBuilder text, long length) {
        number++;
        if (length > maxLength) {
            return new Line(number, null, length);
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            text.setLength(end - 1);
        }
        return new Line(number, text.toString(), length);
    }
}
