package org.sciatica.advisor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SafetyViolationException;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.internal.InOrderChunks;
import org.sciatica.advisor.json.AssessmentJson;
import org.sciatica.advisor.json.CompactAnswers;
import org.sciatica.advisor.json.RecommendationJson;

/**
 * JSON lines in, JSON lines out, in input order. Lines are answered in chunks on all cores
 * ({@link InOrderChunks}); at most a few chunks are in flight at once, so memory stays flat however
 * long the input. A bad line becomes an error line and the rest go on; so does a line whose rules
 * fail at run time, or whose answer the safety monitor refuses ({@link SafetyViolationException}).
 */
final class Batch {
    /** Lines per chunk of work. */
    static final int CHUNK_LINES = 256;
    /** Characters per chunk of work, so that long lines do not make chunks large. */
    static final int CHUNK_CHARS = 1 << 20;

    private final Function<Assessment, Recommendation> advisor;
    private final OutputStream out;
    private final Progress progress;
    private final int threads;
    /** Writes an answer's line: the full answer, or its compact form. */
    private Function<Recommendation, byte[]> form = RecommendationJson::compactUtf8;
    private long answered;
    private long bad;

    Batch(SciaticaAdvisor advisor, OutputStream out, Progress progress, int threads) {
        this(advisor::advise, out, progress, threads);
    }

    /** A batch answered by {@code advisor}: an advisor's {@code advise}, or a test double of it. */
    Batch(Function<Assessment, Recommendation> advisor, OutputStream out, Progress progress, int threads) {
        this.advisor = advisor;
        this.out = out;
        this.progress = progress;
        this.threads = Math.max(1, threads);
    }

    /**
     * Writes each answer in the compact form ({@code --compact}): decisions and ids, texts from the catalog.
     *
     * @param compact the compact form of the advisor's rules
     * @return this batch
     */
    Batch compact(CompactAnswers compact) {
        this.form = compact::compactUtf8;
        return this;
    }

    /** @return {@link Main#OK} when every line was good, {@link Main#SOME_LINES_BAD} otherwise */
    int run(InputStream input) throws IOException {
        try (InputStream in = input) {
            LineReader lines = new LineReader(in, AssessmentJson.MAX_LENGTH);
            InOrderChunks.run(lines::next, this::answerChunk, this::write,
                    threads, CHUNK_LINES, Batch::chars, CHUNK_CHARS);
        }
        out.flush();
        progress.done(answered);
        return bad == 0 ? Main.OK : Main.SOME_LINES_BAD;
    }

    /** The weight of a line in a chunk: its characters. */
    static long chars(LineReader.Line line) {
        String text = line.text();
        return text == null ? 0 : text.length();
    }

    private List<byte[]> answerChunk(List<LineReader.Line> chunk) {
        List<byte[]> answers = new ArrayList<>(chunk.size());
        for (LineReader.Line line : chunk) {
            byte[] answer = answerBytes(line);
            if (answer != null) {
                answers.add(answer);
            }
        }
        return answers;
    }

    private void write(List<byte[]> lines) throws IOException {
        for (byte[] answer : lines) {
            if (isError(answer)) {
                bad++;
            }
            out.write(answer);
            out.write('\n');
        }
        answered += lines.size();
        progress.update(answered);
    }

    private static final byte[] ERROR_PREFIX = "{\"line\":".getBytes(StandardCharsets.UTF_8);

    private static boolean isError(byte[] answer) {
        return answer.length >= ERROR_PREFIX.length
                && Arrays.equals(answer, 0, ERROR_PREFIX.length, ERROR_PREFIX, 0, ERROR_PREFIX.length);
    }

    /** The output line for one input line as UTF-8; null for a blank line, which gets none. Never throws for bad input. */
    byte @Nullable [] answerBytes(LineReader.Line line) {
        String text = line.text();
        if (text == null) {
            return error(line, null, unreadable(line));
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return form.apply(advisor.apply(AssessmentJson.parse(text)));
        } catch (InvalidAssessmentException e) {
            return error(line, e.field(), String.valueOf(e.getMessage()));
        } catch (SafetyViolationException e) {
            return error(line, null, String.valueOf(e.getMessage()));
        } catch (IllegalStateException e) {
            return error(line, null, "the rules failed on this line: " + e.getMessage());
        }
    }

    /** Why a line has no text to parse ({@link LineReader.Line#text} is null): not UTF-8, or too long. */
    static String unreadable(LineReader.Line line) {
        if (line.notUtf8()) {
            return "the line is not valid UTF-8 text";
        }
        return "the line is " + line.length() + " bytes long; at most " + AssessmentJson.MAX_LENGTH + " are accepted";
    }

    /** {@link #answerBytes} as text, for tests. */
    @Nullable String answer(LineReader.Line line) {
        byte[] answer = answerBytes(line);
        return answer == null ? null : new String(answer, StandardCharsets.UTF_8);
    }

    static byte[] error(LineReader.Line line, @Nullable String field, String message) {
        return RecommendationJson.lineError(line.number(), field, message).getBytes(StandardCharsets.UTF_8);
    }
}
