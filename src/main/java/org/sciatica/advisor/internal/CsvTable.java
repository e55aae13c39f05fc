package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.List;

import org.sciatica.advisor.RuleProblem;

/**
 * The CSV files that travel with the rules ({@code sources.csv}, {@code vocabulary.csv},
 * {@code safety-departures.csv}): a minimal RFC 4180 reader (quoted fields, doubled quotes, line
 * breaks inside quotes) and one way of reading a table, so every file reports its problems alike:
 * a header that is not exactly the expected columns, a row with the wrong number of cells, or a
 * row its reader rejects, each at its line.
 */
final class CsvTable {
    private CsvTable() {
    }

    /** Reads a row with its 1-based line; throws {@link IllegalArgumentException} to reject it. */
    interface RowReader {
        void read(List<String> row, int line);
    }

    /**
     * Reads every non-blank row of a table whose header is exactly {@code columns}.
     *
     * @param file     the file
     * @param columns  the header it must have
     * @param rowName  what a row is, for messages ("a source")
     * @param problems where problems go, each at its line
     * @param reader   called for each row with the right number of cells
     */
    static void read(RuleFile file, List<String> columns, String rowName, List<RuleProblem> problems, RowReader reader) {
        List<List<String>> rows;
        try {
            rows = parse(file.content());
        } catch (CsvException e) {
            problems.add(new RuleProblem(file.name(), e.line, 1, String.valueOf(e.getMessage())));
            return;
        }
        if (rows.isEmpty() || !rows.get(0).equals(columns)) {
            problems.add(new RuleProblem(file.name(), 1, 1, "the header must be exactly " + String.join(",", columns)
                    + (rows.isEmpty() ? ", the file is empty" : ", was " + String.join(",", rows.get(0)))));
            return;
        }
        int[] lines = rowLines(file.content(), rows.size());
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int line = lines[i];
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != columns.size()) {
                problems.add(new RuleProblem(file.name(), line, 1, rowName + " needs " + columns.size()
                        + " columns (" + String.join(",", columns) + "), this row has " + row.size()));
                continue;
            }
            try {
                reader.read(row, line);
            } catch (IllegalArgumentException e) {
                problems.add(new RuleProblem(file.name(), line, 1, String.valueOf(e.getMessage())));
            }
        }
    }

    static final class CsvException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        CsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static List<List<String>> parse(String text) throws CsvException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int quoteLine = 0;
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new CsvException(line, "a quote inside an unquoted field; quote the whole field and double the inner quotes");
                }
                quoted = true;
                quoteLine = line;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
                line++;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new CsvException(quoteLine, "a quoted field is never closed");
        }
        if (any || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * The 1-based line on which each of the first {@code count} rows starts (rows may span lines
     * inside quotes), in one pass over the text; a row past the text's end gets its last line.
     */
    static int[] rowLines(String text, int count) {
        int[] lines = new int[count];
        int line = 1;
        int row = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length() && row < count - 1; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n') {
                line++;
                if (!quoted) {
                    row++;
                    lines[row] = line;
                }
            }
        }
        if (count > 0) {
            lines[0] = 1;
            java.util.Arrays.fill(lines, row + 1, count, line);
        }
        return lines;
    }
}
