package org.sciatica.advisor.cli;

import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Impact;
import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.json.AssessmentJson;
import org.sciatica.advisor.json.CompactAnswers;

/**
 * {@code --batch} and {@code --impact} one input line at a time, for runners that read, split and
 * number the lines themselves (the Spark job in {@code integrations/spark}): the same answers, the
 * same error lines and the same reports as the command line, byte for byte.
 *
 * <p>A line is given as its bytes without the {@code \n} that ends it, and its 1-based number in
 * the input, blank lines counted. As {@code --batch} does, a {@code \r} before the {@code \n} is
 * dropped, and so is a byte order mark at the start of line 1; a line that is not UTF-8, or longer
 * than {@link AssessmentJson#MAX_LENGTH} bytes, is an error line.
 */
public final class BatchLines {
    private final Batch batch;

    /**
     * Lines answered by {@code advisor}.
     *
     * @param advisor an advisor's {@code advise} ({@code advisor::advise})
     */
    public BatchLines(Function<Assessment, Recommendation> advisor) {
        this.batch = new Batch(Objects.requireNonNull(advisor, "advisor"), OutputStream.nullOutputStream(), Progress.quiet(), 1);
    }

    /**
     * Writes each answer in the compact form, as {@code --batch --compact} does.
     *
     * @param compact the compact form of the advisor's rules ({@code CompactAnswers.of(advisor)})
     * @return these lines
     */
    public BatchLines compact(CompactAnswers compact) {
        batch.compact(Objects.requireNonNull(compact, "compact"));
        return this;
    }

    /**
     * The {@code --batch} output line for one input line: the answer, or the error line
     * {@code {"line":N,"error":{"field":..,"message":..}}}. Never throws for bad input.
     *
     * @param number the line's 1-based number in the input
     * @param line   the line's bytes, without its {@code \n}
     * @return the output line as UTF-8, without its {@code \n}; null for a blank line, which gets none
     */
    public byte @Nullable [] answer(long number, byte[] line) {
        return batch.answerBytes(LineReader.line(number, line, AssessmentJson.MAX_LENGTH));
    }

    /**
     * Compares one input line as {@code --impact} does: an assessment is added to {@code tally}, a
     * bad line is counted there as an error, a blank line is skipped.
     *
     * @param tally  the tally of the line's chunk
     * @param number the line's 1-based number in the input
     * @param line   the line's bytes, without its {@code \n}
     * @return false for a blank line, true otherwise
     */
    public static boolean compare(Impact.Tally tally, long number, byte[] line) {
        return ImpactRun.compare(tally, LineReader.line(number, line, AssessmentJson.MAX_LENGTH));
    }

    /**
     * The report as {@code --impact} writes it to standard output.
     *
     * @param report the report
     * @param format {@code text}, {@code json} or {@code markdown}
     * @return the report's text, ending in a line end
     * @throws IllegalArgumentException for another format
     */
    public static String impactReport(ImpactReport report, String format) {
        return ImpactReports.output(Objects.requireNonNull(report, "report"), Objects.requireNonNull(format, "format"));
    }

    /**
     * The exit code of {@code --impact} for a report: 3 ({@link Main#LESS_CAUTIOUS}) when an answer
     * became less cautious or was refused by the safety monitor, else 1 when some lines could not be
     * compared, else 0.
     *
     * @param report the report
     * @return the exit code
     */
    public static int impactExitCode(ImpactReport report) {
        return ImpactRun.exitCode(Objects.requireNonNull(report, "report"));
    }
}
