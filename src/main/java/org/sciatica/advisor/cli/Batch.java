package org.sciatica.advisor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.SciaticaAdvisor;

/**
 * JSON lines in, JSON lines out. Streams: holds one line at a time. A bad line becomes an error
 * line and the rest go on.
 */
final class Batch {
    private final SciaticaAdvisor advisor;
    private final PrintWriter out;

    Batch(SciaticaAdvisor advisor, PrintWriter out) {
        this.advisor = advisor;
        this.out = out;
    }

    /** @return {@link Main#OK} when every line was good, {@link Main#SOME_LINES_BAD} otherwise */
    int run(Reader input) throws IOException {
        long bad = 0;
        try (Reader in = input) {
            LineReader lines = new LineReader(in, AssessmentJson.MAX_LENGTH);
            LineReader.Line line;
            while (true) {
                try {
                    line = lines.next();
                } catch (CharacterCodingException e) {
                    throw new Main.Failure("the input is not valid UTF-8 text (after line " + lines.toString() + ")");
                }
                if (line == null) {
                    break;
                }
                String answer = answer(line);
                if (answer == null) {
                    continue;
                }
                if (answer.startsWith("{\"line\":")) {
                    bad++;
                }
                out.println(answer);
            }
        }
        out.flush();
        return bad == 0 ? Main.OK : Main.SOME_LINES_BAD;
    }

    /** The output line for one input line; null for a blank line, which gets none. */
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
