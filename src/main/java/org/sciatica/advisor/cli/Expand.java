package org.sciatica.advisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.sciatica.advisor.json.CompactAnswers;

/**
 * {@code --expand --catalog FILE}: compact lines in ({@code --batch --compact}), the full answers
 * out, one line each in the same order, byte for byte what {@code --batch} writes. The texts and
 * sources come from the catalog; a line from another rules version, or one that is not a compact
 * answer, becomes an error line and the rest go on.
 */
final class Expand {
    private final CompactAnswers catalog;
    private final OutputStream out;

    Expand(CompactAnswers catalog, OutputStream out) {
        this.catalog = catalog;
        this.out = out;
    }

    /** Longest compact line accepted, in bytes. */
    static final int MAX_LINE = 1 << 20;

    /** @return {@link Main#OK} when every line was expanded, {@link Main#SOME_LINES_BAD} otherwise */
    int run(InputStream input) throws IOException {
        boolean bad = false;
        try (InputStream in = input) {
            LineReader lines = new LineReader(in, MAX_LINE);
            for (LineReader.Line line; (line = lines.next()) != null; ) {
                String text = line.text();
                if (text != null && text.isBlank()) {
                    continue;
                }
                byte[] answer;
                try {
                    if (text == null) {
                        throw new IllegalArgumentException(line.notUtf8() ? Batch.unreadable(line)
                                : "the line is " + line.length() + " bytes long; at most " + MAX_LINE + " are accepted");
                    }
                    answer = catalog.expandUtf8(text);
                } catch (IllegalArgumentException e) {
                    answer = Batch.error(line, null, String.valueOf(e.getMessage()));
                    bad = true;
                }
                out.write(answer);
                out.write('\n');
            }
        }
        out.flush();
        return bad ? Main.SOME_LINES_BAD : Main.OK;
    }
}
