package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sciatica.advisor.RuleProblem;

class CsvTableTest {
    /** Every row rejected, so that each problem names the line its row starts on. */
    private static List<Integer> problemLines(String text) {
        List<RuleProblem> problems = new ArrayList<>();
        CsvTable.read(new RuleFile("t.csv", text), List.of("a", "b"), "a row", problems, (row, line) -> {
            throw new IllegalArgumentException("row " + row.get(0));
        });
        return problems.stream().map(RuleProblem::line).toList();
    }

    @Test
    void eachRowIsReportedAtTheLineItStartsOnAfterQuotedLineBreaks() {
        String text = "a,b\n1,\"two\nlines\"\n2,x\n\n3,\"three\n\nlines\"\n4,\"say \"\"hi\"\"\"\n5,y";
        assertThat(problemLines(text)).containsExactly(2, 4, 6, 9, 10);
    }

    @Test
    void windowsLineEndsCountLikeUnixOnes() {
        assertThat(problemLines("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n")).containsExactly(2, 4);
    }

    @Test
    void theRowLinesMatchALineCountFromTheStartForEveryRow() {
        String text = "h\n\"q\nq\"\nplain\n\n\"a\"\"b\nc\"\nlast";
        int[] lines = CsvTable.rowLines(text, 8);
        for (int row = 0; row < lines.length; row++) {
            assertThat(lines[row]).as("row %d", row).isEqualTo(countedFromTheStart(text, row));
        }
    }

    /** The line row {@code index} starts on, counted from the start of the text for that row alone. */
    private static int countedFromTheStart(String text, int index) {
        int line = 1;
        int row = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length() && row < index; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n') {
                line++;
                if (!quoted) {
                    row++;
                }
            }
        }
        return line;
    }
}
