package org.sciatica.advisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads UTF-8 lines of at most {@code maxLength} bytes without ever holding more than that: the
 * rest of a longer line is skipped and the line reported as too long. A line that is not valid
 * UTF-8 is reported as such, and the next line is read as usual. Line numbers count every line,
 * blank ones included. Accepts \n and \r\n endings; a byte order mark before the first line is
 * skipped.
 */
final class LineReader {
    /** One input line: its 1-based number and text, or why it has no text. */
    record Line(long number, @Nullable String text, long length, boolean notUtf8) {
        Line(long number, @Nullable String text, long length) {
            this(number, text, length, false);
        }

        boolean tooLong() {
            return text == null && !notUtf8;
        }
    }

    private final InputStream in;
    private final int maxLength;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[1024];
    private int position;
    private int limit;
    private long number;

    LineReader(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, or null at the end of the input. */
    @Nullable Line next() throws IOException {
        int size = 0;
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(size, length) : null;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                return finish(size, length);
            }
            length++;
            if (length <= maxLength) {
                if (size == line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLength, line.length * 2));
                }
                line[size++] = b;
            }
        }
    }

    /** How many lines were read so far. */
    long lineNumber() {
        return number;
    }

    private Line finish(int size, long length) {
        number++;
        return line(number, line, size, length, maxLength, utf8);
    }

    /**
     * One line as this reader gives it, from the bytes another reader split off (without the
     * {@code \n}): for runners that split and number the lines themselves.
     *
     * @param number the line's 1-based number, blank lines counted
     * @param bytes  the line's bytes, a {@code \r} before the {@code \n} included
     */
    static Line line(long number, byte[] bytes, int maxLength) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return line(number, bytes, Math.min(bytes.length, maxLength), bytes.length, maxLength, utf8);
    }

    /** The line numbered {@code number} whose first {@code size} bytes are in {@code line}, of {@code length} bytes in all. */
    private static Line line(long number, byte[] line, int size, long length, int maxLength, CharsetDecoder utf8) {
        if (length > maxLength) {
            return new Line(number, null, length);
        }
        int start = 0;
        if (number == 1 && size >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        int end = size;
        if (end > start && line[end - 1] == '\r') {
            end--;
        }
        try {
            String text = utf8.reset().decode(ByteBuffer.wrap(line, start, end - start)).toString();
            return new Line(number, text, length);
        } catch (CharacterCodingException e) {
            return new Line(number, null, length, true);
        }
    }
}
