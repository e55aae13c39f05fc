package org.sciatica.advisor.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;

/**
 * A scenario table read into rows, each with its case and its expectations, in plain Java (no
 * test library): {@link ScenarioTable} makes JUnit tests of them, {@link MutationReport} runs them
 * against mutants of the rules. A row that cannot be read, or a table that cannot, carries its
 * problem, reported with its row and column.
 */
final class ScenarioRows {
    static final List<String> CASE_COLUMNS = List.of("name", "cause", "sensitivity", "inflammation", "painLevel",
            "age", "course", "symptoms", "tenseAreas", "redFlags", "conditions", "clinicFindings");
    static final List<String> EXPECTATION_COLUMNS = List.of("disposition", "urgency", "first", "notFirst",
            "recommends", "excludes", "notExcluded", "maxPressure", "warns", "notWarns", "fires", "notFires", "focus",
            "notFocus", "steps", "notSteps", "sessionsPerWeek", "asks");
    /** Columns that label a row and check nothing: {@code hazards}, the hazard-log ids a row shows controlled. */
    static final List<String> LABEL_COLUMNS = List.of("hazards");
    private static final List<String> REQUIRED = List.of("name", "cause", "sensitivity", "inflammation", "painLevel");

    /** A check on an answer: what was expected and what the rules did instead, or null when it holds. */
    interface Expectation extends Function<Recommendation, @Nullable String> {
    }

    /**
     * One row: the case and what must hold, or the reason the row cannot be read.
     *
     * @param source       the table, for messages
     * @param line         the row's line in the file, from 1
     * @param name         the row's name (its {@code name} cell, or "row N")
     * @param problem      why the row cannot be read, with its row and column; null for a good row
     * @param assessment   the case; null when the row has a problem
     * @param expectations what must hold
     * @param clinicCodes  warning codes the row names that are not built in: the advisor's rules must declare them
     */
    record Row(String source, int line, String name, @Nullable String problem, @Nullable Assessment assessment,
               List<Expectation> expectations, List<String> clinicCodes) {
        /**
         * Runs the case and checks every expectation: the first failure, with the row and the
         * clinical explanation, or null when the row passes. A row that cannot be read fails with
         * its problem. Exceptions from {@code advise} (a rule failing, the safety monitor) propagate.
         */
        @Nullable String failure(Function<Assessment, Recommendation> advise) {
            if (problem != null) {
                return problem;
            }
            Recommendation answer = advise.apply(assessment);
            for (Expectation expectation : expectations) {
                String failed = expectation.apply(answer);
                if (failed != null) {
                    return source + " row " + line + ": " + failed + "\n" + Expectations.explain(assessment, answer);
                }
            }
            return null;
        }
    }

    private final String source;
    private final @Nullable String tableName;
    private final @Nullable String tableProblem;
    private final List<Row> rows;

    private ScenarioRows(String source, @Nullable String tableName, @Nullable String tableProblem, List<Row> rows) {
        this.source = source;
        this.tableName = tableName;
        this.tableProblem = tableProblem;
        this.rows = List.copyOf(rows);
    }

    /** The table's name in messages: its file or resource. */
    String source() {
        return source;
    }

    /** A short title for a table that cannot be read ("cases.csv: unknown column"), or null. */
    @Nullable String tableName() {
        return tableName;
    }

    /** Why the whole table cannot be read, or null. */
    @Nullable String tableProblem() {
        return tableProblem;
    }

    /** The rows, in file order; empty when the table cannot be read. */
    List<Row> rows() {
        return rows;
    }

    static ScenarioRows parse(String source, String text) {
        List<Csv.Row> lines;
        try {
            lines = Csv.parse(text);
        } catch (Csv.Malformed e) {
            return failed(source, "unreadable table", source + " line " + e.line + ": " + e.getMessage());
        }
        if (lines.isEmpty()) {
            return failed(source, "empty table", source + " has no header row and no cases");
        }
        Csv.Row header = lines.get(0);
        List<String> columns = header.cells().stream().map(String::strip).toList();
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            if (!CASE_COLUMNS.contains(column) && !EXPECTATION_COLUMNS.contains(column) && !LABEL_COLUMNS.contains(column)) {
                return failed(source, "unknown column", source + " row " + header.line() + ", column "
                        + (c + 1) + ": unknown column \"" + column + "\"; known columns: "
                        + String.join(", ", CASE_COLUMNS) + ", " + String.join(", ", EXPECTATION_COLUMNS) + ", "
                        + String.join(", ", LABEL_COLUMNS));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                return failed(source, "missing column", source + " row " + header.line()
                        + ": the header has no \"" + required + "\" column");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Row line : lines.subList(1, lines.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.put(columns.get(c), c < line.cells().size() ? line.cells().get(c).strip() : "");
            }
            String cellName = cells.getOrDefault("name", "");
            String name = cellName.isEmpty() ? "row " + line.line() : cellName;
            RowReader reader = new RowReader(source, line);
            if (line.cells().size() > columns.size()) {
                rows.add(new Row(source, line.line(), name, reader.where(null) + "has " + line.cells().size()
                        + " cells but the header has " + columns.size() + " columns", null, List.of(), List.of()));
                continue;
            }
            try {
                rows.add(new Row(source, line.line(), name, null, reader.assessment(cells), reader.expectations(cells),
                        reader.clinicCodes(cells)));
            } catch (RowError e) {
                rows.add(new Row(source, line.line(), name, e.getMessage(), null, List.of(), List.of()));
            }
        }
        return new ScenarioRows(source, null, null, rows);
    }

    private static ScenarioRows failed(String source, String title, String problem) {
        return new ScenarioRows(source, source + ": " + title, problem, List.of());
    }

    /** Reads one row's cells into a case and its expectations. */
    private static final class RowReader {
        /** Warning code names in a cell: upper case letters, digits and underscores; built in or a clinic's. */
        private String[] codes(Map<String, String> cells, String column) {
            String[] codes = words(cells.getOrDefault(column, ""));
            for (String code : codes) {
                if (!code.matches("[A-Z][A-Z0-9_]*")) {
                    throw new RowError(where(column) + "\"" + code + "\" is not a warning code; built-in codes: "
                            + java.util.Arrays.stream(WarningCode.values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
                }
            }
            return codes;
        }

        /** The codes in the warns columns that are not built in: a clinic's, to check against the advisor. */
        List<String> clinicCodes(Map<String, String> cells) {
            List<String> clinic = new ArrayList<>();
            for (String column : List.of("warns", "notWarns")) {
                for (String code : words(cells.getOrDefault(column, ""))) {
                    if (java.util.Arrays.stream(WarningCode.values()).noneMatch(w -> w.name().equals(code))) {
                        clinic.add(code);
                    }
                }
            }
            return clinic;
        }

        private final String source;
        private final Csv.Row row;

        RowReader(String source, Csv.Row row) {
            this.source = source;
            this.row = row;
        }

        Assessment assessment(Map<String, String> c) {
            Assessment.Builder b = Assessment.builder()
                    .cause(one(c, "cause", Cause.class))
                    .sensitivity(one(c, "sensitivity", Sensitivity.class))
                    .inflammation(one(c, "inflammation", Inflammation.class))
                    .course(one(c, "course", Course.class))
                    .symptoms(many(c, "symptoms", Symptom.class))
                    .tenseAreas(many(c, "tenseAreas", BodyArea.class))
                    .redFlags(many(c, "redFlags", RedFlag.class))
                    .conditions(many(c, "conditions", Condition.class))
                    .clinicFindings(words(c.getOrDefault("clinicFindings", "")))
                    .id(c.get("name"));
            String pain = c.getOrDefault("painLevel", "");
            try {
                b.painLevel(Integer.parseInt(pain));
            } catch (NumberFormatException e) {
                throw new RowError(where("painLevel") + "\"" + pain + "\" is not a whole number from 0 to 10");
            }
            String age = c.getOrDefault("age", "");
            if (!age.isEmpty()) {
                try {
                    b.age(Integer.parseInt(age));
                } catch (NumberFormatException e) {
                    throw new RowError(where("age") + "\"" + age + "\" is not a whole number of years from 0 to 120");
                }
            }
            try {
                return b.build();
            } catch (InvalidAssessmentException e) {
                throw new RowError(where(e.field()) + e.getMessage());
            }
        }

        List<Expectation> expectations(Map<String, String> c) {
            List<Expectation> e = new ArrayList<>();
            Disposition disposition = one(c, "disposition", Disposition.class);
            if (disposition != null) {
                e.add(r -> Expectations.hasDisposition(r, disposition));
            }
            Urgency urgency = one(c, "urgency", Urgency.class);
            if (urgency != null) {
                e.add(r -> Expectations.refersWithUrgency(r, urgency));
            }
            Technique first = one(c, "first", Technique.class);
            if (first != null) {
                e.add(r -> Expectations.recommendsFirst(r, first));
            }
            Technique notFirst = one(c, "notFirst", Technique.class);
            if (notFirst != null) {
                e.add(r -> Expectations.doesNotRecommendFirst(r, notFirst));
            }
            Technique[] recommends = many(c, "recommends", Technique.class).toArray(Technique[]::new);
            if (recommends.length > 0) {
                e.add(r -> Expectations.recommends(r, recommends));
            }
            Technique[] excludes = many(c, "excludes", Technique.class).toArray(Technique[]::new);
            if (excludes.length > 0) {
                e.add(r -> Expectations.excludes(r, excludes));
            }
            Technique[] notExcluded = many(c, "notExcluded", Technique.class).toArray(Technique[]::new);
            if (notExcluded.length > 0) {
                e.add(r -> Expectations.doesNotExclude(r, notExcluded));
            }
            Pressure max = one(c, "maxPressure", Pressure.class);
            if (max != null) {
                e.add(r -> Expectations.hasPressureAtMost(r, max));
            }
            String[] warns = codes(c, "warns");
            if (warns.length > 0) {
                e.add(r -> Expectations.warns(r, warns));
            }
            String[] notWarns = codes(c, "notWarns");
            if (notWarns.length > 0) {
                e.add(r -> Expectations.doesNotWarn(r, notWarns));
            }
            String[] fires = words(c.getOrDefault("fires", ""));
            if (fires.length > 0) {
                e.add(r -> Expectations.firedRule(r, fires));
            }
            String[] notFires = words(c.getOrDefault("notFires", ""));
            if (notFires.length > 0) {
                e.add(r -> Expectations.didNotFire(r, notFires));
            }
            BodyArea[] focus = many(c, "focus", BodyArea.class).toArray(BodyArea[]::new);
            if (focus.length > 0) {
                e.add(r -> Expectations.focusesOn(r, focus));
            }
            BodyArea[] notFocus = many(c, "notFocus", BodyArea.class).toArray(BodyArea[]::new);
            if (notFocus.length > 0) {
                e.add(r -> Expectations.doesNotFocusOn(r, notFocus));
            }
            for (String step : words(c.getOrDefault("steps", ""))) {
                e.add(r -> Expectations.hasPlanStepFrom(r, step));
            }
            for (String step : words(c.getOrDefault("notSteps", ""))) {
                e.add(r -> Expectations.hasNoPlanStepFrom(r, step));
            }
            String asks = c.getOrDefault("asks", "");
            if (asks.equalsIgnoreCase("none")) {
                e.add(Expectations::asksNothing);
            } else if (!asks.isEmpty()) {
                String[] fields = words(asks);
                e.add(r -> Expectations.asks(r, fields));
            }
            String perWeek = c.getOrDefault("sessionsPerWeek", "");
            if (perWeek.equalsIgnoreCase("none")) {
                e.add(Expectations::hasNoSessionFrequency);
            } else if (!perWeek.isEmpty()) {
                String[] range = perWeek.split("-");
                try {
                    int min = Integer.parseInt(range[0].strip());
                    int most = Integer.parseInt(range[range.length - 1].strip());
                    e.add(r -> Expectations.hasSessionsPerWeek(r, min, most));
                } catch (NumberFormatException ex) {
                    throw new RowError(where("sessionsPerWeek") + "\"" + perWeek + "\" is not a range such as 1-2, or none");
                }
            }
            return e;
        }

        private <E extends Enum<E>> @Nullable E one(Map<String, String> cells, String column, Class<E> type) {
            String value = cells.getOrDefault(column, "");
            return value.isEmpty() ? null : parse(column, value, type);
        }

        private <E extends Enum<E>> List<E> many(Map<String, String> cells, String column, Class<E> type) {
            List<E> values = new ArrayList<>();
            for (String word : words(cells.getOrDefault(column, ""))) {
                values.add(parse(column, word, type));
            }
            return values;
        }

        private <E extends Enum<E>> E parse(String column, String value, Class<E> type) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
            throw new RowError(where(column) + "\"" + value + "\" is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }

        String where(@Nullable String column) {
            return source + " row " + row.line() + (column == null ? "" : ", column " + column) + ": ";
        }
    }

    private static String[] words(String cell) {
        String trimmed = cell.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("[;\\s]+");
    }

    /** A row that cannot be turned into a case. */
    private static final class RowError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowError(String message) {
            super(message, null, false, false);
        }
    }

    /** Enough of RFC 4180 for spreadsheets: commas, double quotes, doubled quotes, CRLF. */
    static final class Csv {
        record Row(int line, List<String> cells) {
        }

        static final class Malformed extends RuntimeException {
            private static final long serialVersionUID = 1L;
            final int line;

            Malformed(int line, String message) {
                super(message, null, false, false);
                this.line = line;
            }
        }

        static List<Row> parse(String text) {
            List<Row> rows = new ArrayList<>();
            String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
            int i = 0;
            while (i < lines.length) {
                int start = i + 1;
                String line = lines[i++];
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                int p = 0;
                while (true) {
                    if (p == line.length()) {
                        if (quoted) {
                            if (i == lines.length) {
                                throw new Malformed(start, "a quoted cell is never closed");
                            }
                            cell.append('\n');
                            line = lines[i++];
                            p = 0;
                            continue;
                        }
                        cells.add(cell.toString());
                        break;
                    }
                    char ch = line.charAt(p++);
                    if (quoted) {
                        if (ch == '"') {
                            if (p < line.length() && line.charAt(p) == '"') {
                                cell.append('"');
                                p++;
                            } else {
                                quoted = false;
                            }
                        } else {
                            cell.append(ch);
                        }
                    } else if (ch == '"' && cell.toString().isBlank()) {
                        quoted = true;
                        cell.setLength(0);
                    } else if (ch == ',') {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else {
                        cell.append(ch);
                    }
                }
                rows.add(new Row(start, cells));
            }
            return rows;
        }
    }
}
