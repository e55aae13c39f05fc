package org.sciatica.advisor.spark;

import org.sciatica.advisor.Impact;
import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.cli.BatchLines;
import org.sciatica.advisor.json.CompactAnswers;

/**
 * The one place the job reaches the library's command-line package ({@code org.sciatica.advisor.cli}):
 * the exact {@code batch} lines and error lines, the {@code impact} line handling, reports and
 * exit codes. When those classes move, only this class changes.
 */
final class CommandLineFormats {
    /** Exit code: success. */
    static final int OK = 0;
    /** Exit code: some lines were bad (every good line still answered). */
    static final int SOME_LINES_BAD = 1;
    /** Exit code: bad usage or rules that do not load. */
    static final int BAD_INPUT = 2;

    private CommandLineFormats() {
    }

    /** One input line's answer: the {@code batch} output line, and the recommendation when there is one. */
    record Answer(byte[] json, Recommendation recommendation) {
    }

    /**
     * Answers lines as {@code batch} (or {@code batch --compact}) does; one per task (not thread-safe),
     * over the advisor and compact form its JVM shares between tasks ({@link Advisors}).
     */
    static final class Answerer {
        private final BatchLines lines;
        private Recommendation last;

        /**
         * @param advisor the advisor
         * @param compact the compact form of its rules for {@code batch --compact}'s lines, or null for full answers
         */
        Answerer(SciaticaAdvisor advisor, CompactAnswers compact) {
            this.lines = new BatchLines(assessment -> {
                Recommendation r = advisor.advise(assessment);
                last = r;
                return r;
            });
            if (compact != null) {
                lines.compact(compact);
            }
        }

        /** The answerer of these rules in this JVM, checked against the driver's rules version. */
        static Answerer of(RuleSet rules, String driversVersion, boolean compact) {
            return new Answerer(Advisors.advisor(rules, driversVersion), compact ? Advisors.compact(rules, driversVersion) : null);
        }

        /**
         * @param number the line's 1-based number
         * @param line   its bytes without the {@code \n}
         * @return the answer, or null for a blank line; an error line has no recommendation
         */
        Answer answer(long number, byte[] line) {
            last = null;
            byte[] json = lines.answer(number, line);
            return json == null ? null : new Answer(json, last);
        }
    }

    /** Compares one line as {@code impact} does; false for a blank line. */
    static boolean compare(Impact.Tally tally, long number, byte[] line) {
        return BatchLines.compare(tally, number, line);
    }

    /** The report as {@code impact --format FORMAT} prints it. */
    static String report(ImpactReport report, String format) {
        return BatchLines.impactReport(report, format);
    }

    /** The exit code of {@code impact} for this report: 3 when less cautious or unsafe, 1 for bad lines, else 0. */
    static int exitCode(ImpactReport report) {
        return BatchLines.impactExitCode(report);
    }
}
