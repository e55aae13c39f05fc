package org.sciatica.advisor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;
import org.jspecify.annotations.Nullable;

/**
 * A table of clinical cases a clinician can edit in a spreadsheet (CSV with a header row), turned
 * into one JUnit 5 dynamic test per row, named by the row:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> articleCases() {
 *     return ScenarioTable.fromClasspath("/scenarios/article-cases.csv").tests();
 * }
 * }</pre>
 *
 * <p>Columns (any order; only {@code name} and the four required assessment fields must be there):
 * <ul>
 *   <li>the case: {@code name}, {@code cause}, {@code sensitivity}, {@code inflammation},
 *       {@code painLevel}, {@code age}, {@code course}, {@code symptoms}, {@code tenseAreas},
 *       {@code redFlags}, {@code conditions}, {@code clinicFindings} (findings a clinic declared);</li>
 *   <li>what must hold (an empty cell checks nothing): {@code disposition}, {@code urgency},
 *       {@code first}, {@code notFirst}, {@code recommends}, {@code excludes}, {@code notExcluded},
 *       {@code maxPressure}, {@code warns}, {@code notWarns}, {@code fires}, {@code notFires},
 *       {@code focus}, {@code notFocus}, {@code steps} and {@code notSteps} (rule ids whose plan step
 *       must or must not be in the plan), {@code sessionsPerWeek} ({@code 1-2}, or {@code none}).</li>
 * </ul>
 * A cell with several values separates them with {@code ;} or spaces. Lines starting with
 * {@code #} and blank lines are skipped. A malformed row fails its own test with its row number
 * and column; a failing expectation fails with the clinical explanation of
 * {@link RecommendationAssert}.
 */
public final class ScenarioTable {
    private static final List<String> CASE_COLUMNS = List.of("name", "cause", "sensitivity", "inflammation", "painLevel",
            "age", "course", "symptoms", "tenseAreas", "redFlags", "conditions", "clinicFindings");
    private static final List<String> EXPECTATION_COLUMNS = List.of("disposition", "urgency", "first", "notFirst",
            "recommends", "excludes", "notExcluded", "maxPressure", "warns", "notWarns", "fires", "notFires", "focus",
            "notFocus", "steps", "notSteps", "sessionsPerWeek");
    private static final List<String> REQUIRED = List.of("name", "cause", "sensitivity", "inflammation", "painLevel");

    private final String source;
    private final String text;
    /** The advisor given with {@link #with}; null for the bundled rules. */
    private @Nullable SciaticaAdvisor advisor;

    private ScenarioTable(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /**
     * A table from a class path resource, for example {@code /scenarios/safety-table.csv}.
     *
     * @param resource the class path resource
     * @return this table
     */
    public static ScenarioTable fromClasspath(String resource) {
        try (InputStream in = ScenarioTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("resource: no scenario table at " + resource + " on the class path");
            }
            return new ScenarioTable(resource.replaceFirst("^/", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * A table from a file.
     *
     * @param file the CSV file
     * @return this table
     */
    public static ScenarioTable fromFile(Path file) {
        try {
            return new ScenarioTable(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * A table from text; {@code source} names it in messages.
     *
     * @param source a name for messages
     * @param csv the CSV text
     * @return this table
     */
    public static ScenarioTable fromText(String source, String csv) {
        return new ScenarioTable(source, csv);
    }

    /**
     * Runs the rows through this advisor instead of the bundled rules, for example one with your own rules.
     *
     * @param advisor the advisor whose rules to run
     * @return this table
     */
    public ScenarioTable with(SciaticaAdvisor advisor) {
        this.advisor = advisor;
        return this;
    }

    /**
     * One dynamic test per row, named by the row's {@code name}.
     *
     * @return one dynamic test per row
     */
    public Stream<DynamicTest> tests() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text);
        } catch (Csv.Malformed e) {
            return Stream.of(failing(source + ": unreadable table", source + " line " + e.line + ": " + e.getMessage()));
        }
        if (rows.isEmpty()) {
            return Stream.of(failing(source + ": empty table", source + " has no header row and no cases"));
        }
        Csv.Row header = rows.get(0);
        List<String> columns = header.cells().stream().map(String::strip).toList();
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            if (!CASE_COLUMNS.contains(column) && !EXPECTATION_COLUMNS.contains(column)) {
                return Stream.of(failing(source + ": unknown column", source + " row " + header.line() + ", column "
                        + (c + 1) + ": unknown column \"" + column + "\"; known columns: "
                        + String.join(", ", CASE_COLUMNS) + ", " + String.join(", ", EXPECTATION_COLUMNS)));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                return Stream.of(failing(source + ": missing column", source + " row " + header.line()
                        + ": the header has no \"" + required + "\" column"));
            }
        }
        for (Csv.Row row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.put(columns.get(c), c < row.cells().size() ? row.cells().get(c).strip() : "");
            }
            String name = cells.getOrDefault("name", "");
            if (name.isEmpty()) {
                name = "row " + row.line();
            }
            if (row.cells().size() > columns.size()) {
                tests.add(failing(name, where(row, null) + "has " + row.cells().size() + " cells but the header has "
                        + columns.size() + " columns"));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name, () -> run(row, cells)));
        }
        return tests.stream();
    }

    private void run(Csv.Row row, Map<String, String> cells) {
        Assessment assessment;
        List<Consumer<RecommendationAssert>> expectations;
        try {
            assessment = assessment(row, cells);
            expectations = expectations(row, cells);
        } catch (RowError e) {
            throw new AssertionError(e.getMessage(), null);
        }
        SciaticaAdvisor chosen = advisor == null ? Cases.bundledAdvisor() : advisor;
        RecommendationAssert check = ClinicalAssertions.assertThat(Cases.advise(chosen, assessment));
        try {
            expectations.forEach(e -> e.accept(check));
        } catch (AssertionError e) {
            AssertionError clean = new AssertionError(where(row, null) + e.getMessage(), null);
            clean.setStackTrace(new StackTraceElement[0]);
            throw clean;
        }
    }

    private Assessment assessment(Csv.Row row, Map<String, String> c) {
        Assessment.Builder b = Assessment.builder()
                .cause(one(row, c, "cause", Cause.class))
                .sensitivity(one(row, c, "sensitivity", Sensitivity.class))
                .inflammation(one(row, c, "inflammation", Inflammation.class))
                .course(one(row, c, "course", Course.class))
                .symptoms(many(row, c, "symptoms", Symptom.class))
                .tenseAreas(many(row, c, "tenseAreas", BodyArea.class))
                .redFlags(many(row, c, "redFlags", RedFlag.class))
                .conditions(many(row, c, "conditions", Condition.class))
                .clinicFindings(words(c.getOrDefault("clinicFindings", "")))
                .id(c.get("name"));
        String pain = c.getOrDefault("painLevel", "");
        try {
            b.painLevel(Integer.parseInt(pain));
        } catch (NumberFormatException e) {
            throw new RowError(where(row, "painLevel") + "\"" + pain + "\" is not a whole number from 0 to 10");
        }
        String age = c.getOrDefault("age", "");
        if (!age.isEmpty()) {
            try {
                b.age(Integer.parseInt(age));
            } catch (NumberFormatException e) {
                throw new RowError(where(row, "age") + "\"" + age + "\" is not a whole number of years from 0 to 120");
            }
        }
        try {
            return b.build();
        } catch (InvalidAssessmentException e) {
            throw new RowError(where(row, e.field()) + e.getMessage());
        }
    }

    private List<Consumer<RecommendationAssert>> expectations(Csv.Row row, Map<String, String> c) {
        List<Consumer<RecommendationAssert>> e = new ArrayList<>();
        Disposition disposition = one(row, c, "disposition", Disposition.class);
        if (disposition != null) {
            e.add(a -> a.hasDisposition(disposition));
        }
        Urgency urgency = one(row, c, "urgency", Urgency.class);
        if (urgency != null) {
            e.add(a -> a.refersWithUrgency(urgency));
        }
        Technique first = one(row, c, "first", Technique.class);
        if (first != null) {
            e.add(a -> a.recommendsFirst(first));
        }
        Technique notFirst = one(row, c, "notFirst", Technique.class);
        if (notFirst != null) {
            e.add(a -> a.doesNotRecommendFirst(notFirst));
        }
        Technique[] recommends = many(row, c, "recommends", Technique.class).toArray(Technique[]::new);
        if (recommends.length > 0) {
            e.add(a -> a.recommends(recommends));
        }
        Technique[] excludes = many(row, c, "excludes", Technique.class).toArray(Technique[]::new);
        if (excludes.length > 0) {
            e.add(a -> a.excludes(excludes));
        }
        Technique[] notExcluded = many(row, c, "notExcluded", Technique.class).toArray(Technique[]::new);
        if (notExcluded.length > 0) {
            e.add(a -> a.doesNotExclude(notExcluded));
        }
        Pressure max = one(row, c, "maxPressure", Pressure.class);
        if (max != null) {
            e.add(a -> a.hasPressureAtMost(max));
        }
        String[] warns = warningCodes(row, c, "warns");
        if (warns.length > 0) {
            e.add(a -> a.warns(warns));
        }
        String[] notWarns = warningCodes(row, c, "notWarns");
        if (notWarns.length > 0) {
            e.add(a -> a.doesNotWarn(notWarns));
        }
        String[] fires = words(c.getOrDefault("fires", ""));
        if (fires.length > 0) {
            e.add(a -> a.firedRule(fires));
        }
        String[] notFires = words(c.getOrDefault("notFires", ""));
        if (notFires.length > 0) {
            e.add(a -> a.didNotFire(notFires));
        }
        BodyArea[] focus = many(row, c, "focus", BodyArea.class).toArray(BodyArea[]::new);
        if (focus.length > 0) {
            e.add(a -> a.focusesOn(focus));
        }
        BodyArea[] notFocus = many(row, c, "notFocus", BodyArea.class).toArray(BodyArea[]::new);
        if (notFocus.length > 0) {
            e.add(a -> a.doesNotFocusOn(notFocus));
        }
        for (String step : words(c.getOrDefault("steps", ""))) {
            e.add(a -> a.hasPlanStepFrom(step));
        }
        for (String step : words(c.getOrDefault("notSteps", ""))) {
            e.add(a -> a.hasNoPlanStepFrom(step));
        }
        String perWeek = c.getOrDefault("sessionsPerWeek", "");
        if (perWeek.equalsIgnoreCase("none")) {
            e.add(RecommendationAssert::hasNoSessionFrequency);
        } else if (!perWeek.isEmpty()) {
            String[] range = perWeek.split("-");
            try {
                int min = Integer.parseInt(range[0].strip());
                int most = Integer.parseInt(range[range.length - 1].strip());
                e.add(a -> a.hasSessionsPerWeek(min, most));
            } catch (NumberFormatException ex) {
                throw new RowError(where(row, "sessionsPerWeek") + "\"" + perWeek + "\" is not a range such as 1-2, or none");
            }
        }
        return e;
    }

    /** Warning codes: built-in ones, or ones the advisor's rules declared; anything else is a row error. */
    private String[] warningCodes(Csv.Row row, Map<String, String> cells, String column) {
        String[] codes = words(cells.getOrDefault(column, ""));
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (WarningCode code : WarningCode.values()) {
            known.add(code.name());
        }
        SciaticaAdvisor rules = advisor;
        if (rules != null) {
            known.addAll(rules.clinicWarningCodes());
        }
        for (String code : codes) {
            if (!known.contains(code)) {
                throw new RowError(where(row, column) + "\"" + code + "\" is not a built-in warning code nor one the rules declare; known: "
                        + String.join(", ", known));
            }
        }
        return codes;
    }

    private <E extends Enum<E>> @Nullable E one(Csv.Row row, Map<String, String> cells, String column, Class<E> type) {
        String value = cells.getOrDefault(column, "");
        return value.isEmpty() ? null : parse(row, column, value, type);
    }

    private <E extends Enum<E>> List<E> many(Csv.Row row, Map<String, String> cells, String column, Class<E> type) {
        List<E> values = new ArrayList<>();
        for (String word : words(cells.getOrDefault(column, ""))) {
            values.add(parse(row, column, word, type));
        }
        return values;
    }

    private <E extends Enum<E>> E parse(Csv.Row row, String column, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new RowError(where(row, column) + "\"" + value + "\" is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static String[] words(String cell) {
        String trimmed = cell.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("[;\\s]+");
    }

    private String where(Csv.Row row, @Nullable String column) {
        return source + " row " + row.line() + (column == null ? "" : ", column " + column) + ": ";
    }

    private static DynamicTest failing(String name, String message) {
        return DynamicTest.dynamicTest(name, () -> {
            AssertionError error = new AssertionError(message, null);
            error.setStackTrace(new StackTraceElement[0]);
            throw error;
        });
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
