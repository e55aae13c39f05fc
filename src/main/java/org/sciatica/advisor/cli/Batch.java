package org.sciatica.advisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.SciaticaAdvisor;

/**
 * JSON lines in, JSON lines out, in input order. Lines are answered in chunks on all cores; at most
 * a few chunks are in flight at once, so memory stays flat however long the input. A bad line
 * becomes an error line and the rest go on.
 */
final class Batch {
    /** Lines per chunk of work. */
    static final int CHUNK_LINES = 256;
    /** Characters per chunk of work, so that long lines do not make chunks large. */
    static final int CHUNK_CHARS = 1 << 20;

    private final SciaticaAdvisor advisor;
    private final PrintWriter out;
    private final Progress progress;
    private final int threads;
    private long answered;
    private long bad;

    Batch(SciaticaAdvisor advisor, PrintWriter out, Progress progress, int threads) {
        this.advisor = advisor;
        this.out = out;
        this.progress = progress;
        this.threads = Math.max(1, threads);
    }

    /** @return {@link Main#OK} when every line was good, {@link Main#SOME_LINES_BAD} otherwise */
    int run(Reader input) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sciatica-batch");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<List<String>>> inFlight = new ArrayDeque<>();
        try (Reader in = input) {
            LineReader lines = new LineReader(in, AssessmentJson.MAX_LENGTH);
            List<LineReader.Line> chunk = new ArrayList<>();
            long chunkChars = 0;
            LineReader.Line line;
            while ((line = next(lines)) != null) {
                chunk.add(line);
                chunkChars += line.tooLong() ? 0 : line.text().length();
                if (chunk.size() >= CHUNK_LINES || chunkChars >= CHUNK_CHARS) {
                    inFlight.add(submit(pool, chunk));
                    chunk = new ArrayList<>();
                    chunkChars = 0;
                    while (inFlight.size() > threads * 2) {
                        write(inFlight.poll());
                    }
                }
            }
            if (!chunk.isEmpty()) {
                inFlight.add(submit(pool, chunk));
            }
            while (!inFlight.isEmpty()) {
                write(inFlight.poll());
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        progress.done(answered);
        return bad == 0 ? Main.OK : Main.SOME_LINES_BAD;
    }

    private static LineReader.Line next(LineReader lines) throws IOException {
        try {
            return lines.next();
        } catch (CharacterCodingException e) {
            throw new Main.Failure("the input is not valid UTF-8 text (in line " + (lines.lineNumber() + 1) + ")");
        }
    }

    private Future<List<String>> submit(ExecutorService pool, List<LineReader.Line> chunk) {
        return pool.submit(() -> {
            List<String> answers = new ArrayList<>(chunk.size());
            for (LineReader.Line line : chunk) {
                String answer = answer(line);
                if (answer != null) {
                    answers.add(answer);
                }
            }
            return answers;
        });
    }

    private void write(Future<List<String>> answers) throws IOException {
        List<String> lines;
        try {
            lines = answers.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch worker failed: " + e.getCause(), e.getCause());
        }
        for (String answer : lines) {
            if (answer.startsWith(ERROR_PREFIX)) {
                bad++;
            }
            out.println(answer);
        }
        answered += lines.size();
        progress.update(answered);
    }

    private static final String ERROR_PREFIX = "{\"line\":";

    /** The output line for one input line; null for a blank line, which gets none. Never throws for bad input. */
    String answer(LineReader.Line line) {
        if (line.tooLong()) {
            return RecommendationJson.lineError(line.number(), null, "the line is " + line.length()
                    + " characters long; at most " + AssessmentJson.MAX_LENGTH + " are accepted");
        }
        if (line.text().isBlank()) {
            return null;
        }
        try {
            return RecommendationJson.compact(advisor.advise(AssessmentJson.parse(line.text())));
        } catch (InvalidAssessmentException e) {
            return RecommendationJson.lineError(line.number(), e.field(), e.getMessage());
        } catch (IllegalStateException e) {
            return RecommendationJson.lineError(line.number(), null, "the rules failed on this line: " + e.getMessage());
        }
    }
}
