package org.sciatica.advisor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.sciatica.advisor.Impact;
import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.internal.InOrderChunks;
import org.sciatica.advisor.json.AssessmentJson;

/**
 * {@code --impact}: JSON lines in, as {@code --batch} reads them (same parsing, same bad lines,
 * blank lines skipped), compared by {@link Impact} in chunks on all cores; one report out. Only
 * the tallies of the chunks in flight are held, so memory stays flat however long the input.
 */
final class ImpactRun {
    private final Impact impact;
    private final Progress progress;
    private final int threads;
    private long compared;

    ImpactRun(Impact impact, Progress progress, int threads) {
        this.impact = impact;
        this.progress = progress;
        this.threads = Math.max(1, threads);
    }

    /** A chunk's tally and how many of its lines were not blank. */
    private record Chunk(Impact.Tally tally, int lines) {
    }

    ImpactReport run(InputStream input) throws IOException {
        Impact.Tally total = impact.tally();
        try (InputStream in = input) {
            LineReader lines = new LineReader(in, AssessmentJson.MAX_LENGTH);
            InOrderChunks.run(lines::next, this::compare, chunk -> {
                total.addAll(chunk.tally());
                compared += chunk.lines();
                progress.update(compared);
            }, threads, Batch.CHUNK_LINES, Batch::chars, Batch.CHUNK_CHARS);
        }
        progress.done(compared);
        return total.report();
    }

    private Chunk compare(List<LineReader.Line> chunk) {
        Impact.Tally tally = impact.tally();
        int lines = 0;
        for (LineReader.Line line : chunk) {
            if (compare(tally, line)) {
                lines++;
            }
        }
        return new Chunk(tally, lines);
    }

    /** Compares one line into {@code tally}, or counts it as an error; false for a blank line, which counts for nothing. */
    static boolean compare(Impact.Tally tally, LineReader.Line line) {
        String text = line.text();
        if (text == null) {
            tally.addError(line.number(), null, Batch.unreadable(line));
        } else if (text.isBlank()) {
            return false;
        } else {
            try {
                tally.add(line.number(), AssessmentJson.parse(text));
            } catch (InvalidAssessmentException e) {
                tally.addError(line.number(), e.field(), String.valueOf(e.getMessage()));
            }
        }
        return true;
    }

    /**
     * The exit code for a report: {@link Main#LESS_CAUTIOUS} when an answer became less cautious or
     * was refused by the safety monitor, else {@link Main#SOME_LINES_BAD} when some lines could not
     * be compared, else {@link Main#OK}.
     */
    static int exitCode(ImpactReport report) {
        return switch (report.verdict()) {
            case UNSAFE, LESS_CAUTIOUS -> Main.LESS_CAUTIOUS;
            case CHANGED, UNCHANGED -> report.errors() > 0 ? Main.SOME_LINES_BAD : Main.OK;
        };
    }
}
