package org.sciatica.advisor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import org.sciatica.advisor.SciaticaAdvisor;

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
 *       must or must not be in the plan), {@code sessionsPerWeek} ({@code 1-2}, or {@code none}),
 *       {@code asks} (input fields the answer must ask about, such as {@code age}, or {@code none});</li>
 *   <li>a label that checks nothing: {@code hazards} (the hazard-log ids the row shows controlled).</li>
 * </ul>
 * A cell with several values separates them with {@code ;} or spaces. Lines starting with
 * {@code #} and blank lines are skipped. A malformed row fails its own test with its row number
 * and column; a failing expectation fails with the clinical explanation of
 * {@link RecommendationAssert}.
 */
public final class ScenarioTable {
    private final String source;
    private final String text;
    private @org.jspecify.annotations.Nullable SciaticaAdvisor advisor;

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
        ScenarioRows table = rows();
        if (table.tableProblem() != null) {
            return Stream.of(failing(java.util.Objects.requireNonNullElse(table.tableName(), table.source()), table.tableProblem()));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (ScenarioRows.Row row : table.rows()) {
            if (row.problem() != null) {
                tests.add(failing(row.name(), row.problem()));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(row.name(), () -> {
                SciaticaAdvisor chosen = advisor == null ? Cases.bundledAdvisor() : advisor;
                String failure = unknownCode(row, chosen);
                if (failure == null) {
                    failure = row.failure(chosen::advise);
                }
                if (failure != null) {
                    AssertionError clean = new AssertionError(failure, null);
                    clean.setStackTrace(new StackTraceElement[0]);
                    throw clean;
                }
            }));
        }
        return tests.stream();
    }

    /**
     * Runs every row without JUnit, in table order: what the command line's {@code test} reports. A
     * row whose rules refuse to answer (a rule failing, the safety monitor) fails with the reason.
     *
     * @return one outcome per row
     * @throws IllegalArgumentException when the table cannot be read at all (no header, an unknown
     *         or missing column), with the table and the problem
     */
    public List<ScenarioOutcome> run() {
        ScenarioRows table = rows();
        if (table.tableProblem() != null) {
            throw new IllegalArgumentException(table.tableProblem());
        }
        SciaticaAdvisor chosen = advisor == null ? Cases.bundledAdvisor() : advisor;
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        for (ScenarioRows.Row row : table.rows()) {
            String broken = row.problem() != null ? row.problem() : unknownCode(row, chosen);
            if (broken != null) {
                outcomes.add(new ScenarioOutcome(source, row.line(), row.name(), ScenarioOutcome.Result.BROKEN, broken));
                continue;
            }
            String failure;
            try {
                failure = row.failure(chosen::advise);
            } catch (RuntimeException e) {
                failure = source + " row " + row.line() + ": the rules gave no answer: " + e.getMessage();
            }
            outcomes.add(failure == null
                    ? new ScenarioOutcome(source, row.line(), row.name(), ScenarioOutcome.Result.PASSED, null)
                    : new ScenarioOutcome(source, row.line(), row.name(), ScenarioOutcome.Result.FAILED, failure));
        }
        return List.copyOf(outcomes);
    }

    /** A warning code the row names that neither is built in nor do the advisor's rules declare, or null. */
    private static @org.jspecify.annotations.Nullable String unknownCode(ScenarioRows.Row row, SciaticaAdvisor chosen) {
        for (String code : row.clinicCodes()) {
            if (!chosen.clinicWarningCodes().contains(code)) {
                return row.source() + " row " + row.line() + ": \"" + code
                        + "\" is neither a built-in warning code nor one the rules declare"
                        + (chosen.clinicWarningCodes().isEmpty() ? "" : " (declared: " + String.join(", ", chosen.clinicWarningCodes()) + ")");
            }
        }
        return null;
    }

    /** The table read into rows, for the tests and for {@link MutationReport}. */
    ScenarioRows rows() {
        return ScenarioRows.parse(source, text);
    }

    private static DynamicTest failing(String name, String message) {
        return DynamicTest.dynamicTest(name, () -> {
            AssertionError error = new AssertionError(message, null);
            error.setStackTrace(new StackTraceElement[0]);
            throw error;
        });
    }
}
