package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.testing.Cases;

/**
 * The clinical hazard log (docs/safety/hazard-log.csv) is complete and every hazard in it is
 * controlled and tested: the build fails otherwise.
 *
 * <ul>
 *   <li>Every input value (each enum value of every field, the pain bands, the age bands, every
 *       optional field missing) is a cause of at least one hazard: hazards are found from the
 *       inputs, not only from reviews.</li>
 *   <li>Every hazard has a control: a bundled rule, a safety-table line, the runtime monitor, the
 *       assembler or input validation; every rule it names exists and names the hazard back.</li>
 *   <li>Every hazard has a passing test that names it: a row of a scenario table run by
 *       ScenarioTablesTest with the hazard in its {@code hazards} column, or a test method named
 *       in the log's {@code tests} column.</li>
 *   <li>Every bundled rule names the hazards it controls ({@code @hazards}), and every line of the
 *       safety table controls at least one hazard.</li>
 *   <li>docs/safety/HAZARD-LOG.md is the log as generated from the CSV.</li>
 * </ul>
 */
class HazardLogTest {
    static final Path LOG = Path.of("docs/safety/hazard-log.csv");
    static final Path PAGE = Path.of("docs/safety/HAZARD-LOG.md");
    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    /** Regenerates the page: ./mvnw -q test -Dtest=HazardLogTest -Dhazard-log.write=true */
    static final String COMMAND = "./mvnw -q test -Dinvoker.skip=true -Dtest=HazardLogTest -Dhazard-log.write=true";
    private static final Set<String> NAMED_CONTROLS = Set.of("monitor", "validation", "assembler");
    private static final int LINES = 38;
    private static final int REPLACED_LINE = 22;

    record Hazard(String id, String hazard, List<String> causes, String severity, String likelihood,
                  List<String> controls, List<String> tests, String residual, String foundBy) {
    }

    static List<Hazard> read() throws IOException {
        List<List<String>> rows = csv(Files.readString(LOG, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("id", "hazard", "causes", "severity", "likelihood", "controls", "tests",
                "residual", "found_by");
        List<Hazard> hazards = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            assertThat(r).as("row " + r).hasSize(9);
            hazards.add(new Hazard(r.get(0), r.get(1), list(r.get(2)), r.get(3), r.get(4), list(r.get(5)), list(r.get(6)),
                    r.get(7), r.get(8)));
        }
        return hazards;
    }

    @Test
    void everyInputValueIsACauseOfSomeHazard() throws IOException {
        Set<String> causes = read().stream().flatMap(h -> h.causes().stream()).collect(Collectors.toSet());
        List<String> inputs = new ArrayList<>();
        inputs.addAll(values("cause", Cause.class));
        inputs.addAll(values("sensitivity", Sensitivity.class));
        inputs.addAll(values("inflammation", Inflammation.class));
        inputs.addAll(values("course", Course.class));
        inputs.addAll(values("symptoms", Symptom.class));
        inputs.addAll(values("tenseAreas", BodyArea.class));
        inputs.addAll(values("redFlags", RedFlag.class));
        inputs.addAll(values("conditions", Condition.class));
        inputs.addAll(List.of("painLevel=0..3", "painLevel=4..6", "painLevel=7..10", "age=0..15", "age=16..19",
                "age=50..120", "age=70..120", "age=75..120", "age=missing", "course=missing", "cause=missing",
                "sensitivity=missing", "inflammation=missing", "painLevel=missing", "clinicFindings=declared",
                "clinicFindings=undeclared", "id=any"));
        Set<String> uncovered = new TreeSet<>(inputs);
        uncovered.removeAll(causes);
        assertThat(uncovered).as("input values no hazard names as a cause: ask what a wrong or missing answer for each"
                + " could do to the client, and add the hazard to " + LOG).isEmpty();
        Set<String> unknown = new TreeSet<>(causes);
        inputs.forEach(unknown::remove);
        unknown.removeIf(c -> c.endsWith("=any"));
        assertThat(unknown).as("causes that are not input values").isEmpty();
    }

    @Test
    void everyHazardHasAControlThatExistsAndNamesItBack() throws IOException {
        Map<String, RuleInfo> rules = Cases.bundledAdvisor().rules().stream()
                .collect(Collectors.toMap(RuleInfo::id, r -> r));
        List<String> problems = new ArrayList<>();
        for (Hazard h : read()) {
            if (h.controls().isEmpty()) {
                problems.add(h.id() + " has no control");
            }
            for (String control : h.controls()) {
                if (control.startsWith("line ")) {
                    int line = Integer.parseInt(control.substring(5));
                    if (line < 1 || line > LINES || line == REPLACED_LINE) {
                        problems.add(h.id() + " names safety line " + line + ", which does not exist");
                    }
                } else if (!NAMED_CONTROLS.contains(control)) {
                    RuleInfo rule = rules.get(control);
                    if (rule == null) {
                        problems.add(h.id() + " names control " + control + ", which is no bundled rule");
                    } else if (!rule.hazards().contains(h.id())) {
                        problems.add(h.id() + " names rule " + control + ", whose @hazards " + rule.hazards()
                                + " does not name it back");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyBundledRuleNamesTheHazardsItControlsAndEachIsInTheLog() throws IOException {
        Map<String, Hazard> log = byId(read());
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : Cases.bundledAdvisor().rules()) {
            if (rule.hazards().isEmpty()) {
                problems.add(rule.id() + " names no hazard (@hazards)");
            }
            for (String id : rule.hazards()) {
                Hazard h = log.get(id);
                if (h == null) {
                    problems.add(rule.id() + " names " + id + ", which is not in the hazard log");
                } else if (!h.controls().contains(rule.id())) {
                    problems.add(rule.id() + " names " + id + ", whose controls do not list it");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySafetyLineControlsAHazard() throws IOException {
        Set<String> named = read().stream().flatMap(h -> h.controls().stream()).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        for (int line = 1; line <= LINES; line++) {
            if (line != REPLACED_LINE && !named.contains("line " + line)) {
                lines.add("line " + line);
            }
        }
        assertThat(lines).as("safety-table lines that name no hazard").isEmpty();
    }

    @Test
    void everyHazardHasATestThatNamesIt() throws IOException {
        Map<String, List<String>> rowsByHazard = scenarioRowsByHazard();
        List<String> problems = new ArrayList<>();
        Map<String, Hazard> log = byId(read());
        for (Hazard h : log.values()) {
            boolean tested = rowsByHazard.containsKey(h.id());
            for (String test : h.tests()) {
                String[] parts = test.split("#");
                if (parts.length != 2 || !testMethodExists(parts[0], parts[1])) {
                    problems.add(h.id() + " names test " + test + ", which does not exist");
                } else {
                    tested = true;
                }
            }
            if (!tested) {
                problems.add(h.id() + " has no test that names it (a scenario row with it in the hazards column, or a"
                        + " test in the log's tests column)");
            }
        }
        for (String id : rowsByHazard.keySet()) {
            if (!log.containsKey(id)) {
                problems.add("scenario rows " + rowsByHazard.get(id) + " name " + id + ", which is not in the hazard log");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void thePageIsTheLogAsGenerated() throws IOException {
        String page = render(read(), scenarioRowsByHazard());
        if (Boolean.getBoolean("hazard-log.write")) {
            Files.writeString(PAGE, page, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8)).as(PAGE + " is stale; regenerate it with: " + COMMAND)
                .isEqualTo(page);
    }

    static String render(List<Hazard> hazards, Map<String, List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("# Clinical hazard log\n\n")
                .append("Generated from `docs/safety/hazard-log.csv` by `HazardLogTest` (").append("`").append(COMMAND)
                .append("`); edit the CSV, not this page.\n\n")
                .append("How the log is kept (see docs/SPEC.md, \"Hazard log\"): every input value and every missing field is\n")
                .append("a cause of at least one hazard (a test checks it); each hazard names its controls (bundled rules, safety-table\n")
                .append("lines, the runtime monitor, the assembler, input validation) and the tests that show each control works; a\n")
                .append("rule names the hazards it controls with `@hazards`; a hazard with no control or no test fails the build.\n")
                .append("Severity: catastrophic, major, moderate, minor. Likelihood before controls: high, medium, low.\n\n")
                .append("| id | hazard | causes | severity | likelihood | controls | tests | residual risk | found by |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Hazard h : hazards) {
            List<String> tests = new ArrayList<>(h.tests().stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList());
            rows.getOrDefault(h.id(), List.of()).forEach(r -> tests.add("scenario: " + r));
            out.append("| ").append(h.id()).append(" | ").append(cell(h.hazard())).append(" | ")
                    .append(cell(String.join(", ", h.causes()))).append(" | ").append(h.severity()).append(" | ")
                    .append(h.likelihood()).append(" | ").append(cell(String.join(", ", h.controls()))).append(" | ")
                    .append(cell(String.join("; ", tests))).append(" | ").append(cell(h.residual())).append(" | ")
                    .append(cell(h.foundBy())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Hazard id to the names of the scenario rows (in every table) that name it in their hazards column. */
    static Map<String, List<String>> scenarioRowsByHazard() throws IOException {
        Map<String, List<String>> byHazard = new java.util.TreeMap<>();
        List<Path> tables;
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            tables = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path table : tables) {
            List<List<String>> rows = csv(Files.readString(table, StandardCharsets.UTF_8));
            List<String> header = rows.get(0);
            int hazards = header.indexOf("hazards");
            int name = header.indexOf("name");
            if (hazards < 0) {
                continue;
            }
            for (List<String> row : rows.subList(1, rows.size())) {
                for (String id : row.get(hazards).split("[\\s;]+")) {
                    if (!id.isBlank()) {
                        byHazard.computeIfAbsent(id, k -> new ArrayList<>()).add(row.get(name));
                    }
                }
            }
        }
        return byHazard;
    }

    private static boolean testMethodExists(String className, String method) {
        try {
            return Arrays.stream(Class.forName(className).getDeclaredMethods()).map(Method::getName).anyMatch(method::equals);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Map<String, Hazard> byId(List<Hazard> hazards) {
        Map<String, Hazard> byId = new LinkedHashMap<>();
        hazards.forEach(h -> assertThat(byId.put(h.id(), h)).as("hazard " + h.id() + " appears twice").isNull());
        return byId;
    }

    private static List<String> values(String field, Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> field + "=" + e.name()).toList();
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Rows of a CSV text (RFC 4180 quotes), skipping lines that start with '#'. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }

    static Set<String> ids(List<Hazard> hazards) {
        return hazards.stream().map(Hazard::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
