package org.sciatica.advisor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.testing.ScenarioOutcome;
import org.sciatica.advisor.testing.ScenarioTable;

/**
 * {@code test}: runs scenario tables (the CSV tables of {@link ScenarioTable}) against the rules and
 * reports every row, optionally as JUnit XML for a CI server: a clinician tests rules without a Java build.
 */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run scenario tables (CSV: one clinical case per row and what must hold for it) against the rules:",
                "the bundled rules plus each --rules DIR. Prints each row that fails, then the totals.",
                "Exit 0 when every row passes, 1 when some row fails, 2 on bad usage or a table or row that cannot be read."})
final class TestCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "TABLE.csv", description = "Scenario tables (CSV with a header row).")
    List<Path> tables = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write a JUnit XML report to FILE: one test suite per table, one test case per row.")
    @Nullable Path junit;

    @Mixin
    RuleOptions.Directories directories = new RuleOptions.Directories();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Override
    String name() {
        return "test";
    }

    @Override
    void configure(Main main) {
        directories.applyTo(main);
        rules.applyTo(main);
    }

    /** One table's outcomes, or why it cannot be read. */
    private record TableRun(Path table, List<ScenarioOutcome> outcomes, @Nullable String problem, double seconds) {
    }

    @Override
    public Integer call() {
        main.enterSubcommand(name());
        configure(main);
        if (main.noBundled && main.ruleDirectories.isEmpty()) {
            throw main.usage("--no-bundled leaves the bundled rules out: give at least one --rules DIR");
        }
        for (Path table : tables) {
            if (!Files.isRegularFile(table)) {
                throw new Main.Failure(table + ": " + (Files.isDirectory(table) ? "is a directory, not a scenario table" : "no such file"));
            }
        }
        if (junit != null && Files.isDirectory(junit)) {
            throw main.usage("--junit " + junit + ": is a directory; give the report's file name");
        }
        SciaticaAdvisor advisor = main.loadRules();
        List<TableRun> runs = new ArrayList<>();
        for (Path table : tables) {
            long start = System.nanoTime();
            try {
                List<ScenarioOutcome> outcomes = ScenarioTable.fromFile(table).with(advisor).run();
                runs.add(new TableRun(table, outcomes, null, (System.nanoTime() - start) / 1e9));
            } catch (IllegalArgumentException e) {
                runs.add(new TableRun(table, List.of(), String.valueOf(e.getMessage()), 0));
            } catch (UncheckedIOException e) {
                throw new Main.Failure(table + ": cannot read: " + e.getMessage());
            }
        }
        int rows = 0;
        int failed = 0;
        int broken = 0;
        int badTables = 0;
        var out = main.out();
        for (TableRun run : runs) {
            if (run.problem() != null) {
                badTables++;
                out.println("BROKEN " + run.table() + ": " + run.problem());
                continue;
            }
            for (ScenarioOutcome o : run.outcomes()) {
                rows++;
                if (o.passed()) {
                    continue;
                }
                if (o.result() == ScenarioOutcome.Result.BROKEN) {
                    broken++;
                } else {
                    failed++;
                }
                out.println((o.result() == ScenarioOutcome.Result.BROKEN ? "BROKEN " : "FAILED ") + o.name());
                out.println("  " + String.valueOf(o.message()).replace("\n", "\n  "));
            }
        }
        out.println(rows + (rows == 1 ? " row" : " rows") + " in " + runs.size() + (runs.size() == 1 ? " table" : " tables") + ": "
                + (rows - failed - broken) + " passed, " + failed + " failed, " + broken + " broken"
                + (badTables == 0 ? "" : "; " + badTables + (badTables == 1 ? " table" : " tables") + " could not be read")
                + " (rules " + advisor.rulesVersion() + ", as of " + advisor.asOf() + ")");
        if (junit != null) {
            writeJunit(junit, runs);
        }
        if (badTables > 0 || broken > 0) {
            return Main.BAD_INPUT;
        }
        return failed > 0 ? Main.SOME_LINES_BAD : Main.OK;
    }

    /** JUnit XML as CI servers read it (the Ant/Surefire schema): a suite per table, a case per row. */
    private static void writeJunit(Path file, List<TableRun> runs) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        StringBuilder suites = new StringBuilder();
        for (TableRun run : runs) {
            String suite = run.table().toString();
            String className = suiteClassName(run.table());
            if (run.problem() != null) {
                tests++;
                errors++;
                suites.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">\n")
                        .append("    <testcase classname=\"").append(escape(className)).append("\" name=\"(table)\" time=\"0\">\n")
                        .append("      <error message=\"").append(escape(firstLine(run.problem()))).append("\" type=\"table\">")
                        .append(escape(run.problem())).append("</error>\n    </testcase>\n  </testsuite>\n");
                continue;
            }
            int f = 0;
            int e = 0;
            StringBuilder cases = new StringBuilder();
            for (ScenarioOutcome o : run.outcomes()) {
                cases.append("    <testcase classname=\"").append(escape(className)).append("\" name=\"").append(escape(o.name()))
                        .append("\" time=\"0\"");
                if (o.passed()) {
                    cases.append("/>\n");
                    continue;
                }
                String message = String.valueOf(o.message());
                String tag = o.result() == ScenarioOutcome.Result.BROKEN ? "error" : "failure";
                if (tag.equals("error")) {
                    e++;
                } else {
                    f++;
                }
                cases.append(">\n      <").append(tag).append(" message=\"").append(escape(firstLine(message))).append("\" type=\"")
                        .append(o.result().name().toLowerCase(java.util.Locale.ROOT)).append("\">").append(escape(message))
                        .append("</").append(tag).append(">\n    </testcase>\n");
            }
            tests += run.outcomes().size();
            failures += f;
            errors += e;
            suites.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(run.outcomes().size())
                    .append("\" failures=\"").append(f).append("\" errors=\"").append(e).append("\" skipped=\"0\" time=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", run.seconds())).append("\">\n")
                    .append(cases).append("  </testsuite>\n");
        }
        xml.append("<testsuites name=\"sciatica-advisor test\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\">\n").append(suites).append("</testsuites>\n");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(xml.toString());
            }
        } catch (IOException ex) {
            throw new Main.Failure("--junit " + file + ": cannot write: " + ex.getMessage());
        }
    }

    /** A table's name as a JUnit class name: its file name without .csv, which report viewers group by. */
    private static String suiteClassName(Path table) {
        Path name = table.getFileName();
        return (name == null ? table.toString() : name.toString()).replaceFirst("\\.csv$", "");
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        s.append(' ');
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
