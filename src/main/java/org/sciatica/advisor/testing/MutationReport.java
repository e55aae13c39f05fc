package org.sciatica.advisor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.internal.Engine;
import org.sciatica.advisor.internal.Mutants;
import org.sciatica.advisor.internal.RuleBase;
import org.sciatica.advisor.internal.RuleFile;

/**
 * How well a set of scenario tables guards the rules: a mutation score. For every rule of the rule
 * base, a mutant without it; where the rule sets a pressure limit, a support weight or an emergency
 * referral, a mutant that weakens that value (the limit one step higher, the weight one lower, the
 * urgency {@code URGENT} instead of {@code EMERGENCY}). Each mutant is made by editing the DRL text
 * and compiled from it; every row of the tables runs against it. A mutant is <em>noticed</em> when
 * a row fails (an expectation that no longer holds, or an answer the rules or the safety monitor
 * refuse); a mutant no row notices <em>survives</em>, and says which rule the tables leave
 * unguarded: "no row fails if CI-08 is removed".
 *
 * <pre>{@code
 * @Test
 * void theTablesGuardEveryRule() {
 *     MutationReport.of(ScenarioTable.fromClasspath("/scenarios/our-cases.csv"))
 *             .assertScoreAtLeast(0.9);
 * }
 * }</pre>
 *
 * <p>Only rules in force on the report's date are mutated (drafts when asked for). Rows that fail
 * against the unmutated rules notice nothing and are listed in {@link #rowProblems()}; a table's
 * own advisor ({@link ScenarioTable#with}) is not used: the rows run against each mutant. Needs no
 * test library: the command line's {@code --mutation-report} uses it too.
 */
public final class MutationReport {
    /** How a mutant differs from the rules. */
    public enum Kind {
        /** The rule is removed. */
        REMOVED("removed"),
        /** A pressure limit the rule sets is one step higher. */
        PRESSURE_LIMIT_RAISED("pressure limit raised"),
        /** A support weight the rule gives is one lower. */
        SUPPORT_WEIGHT_LOWERED("support weight lowered"),
        /** An emergency referral the rule makes is urgent instead. */
        URGENCY_LOWERED("referral urgency lowered");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /**
         * The kind in words: "removed", "pressure limit raised", ...
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }

    /**
     * One mutant and whether a row noticed it.
     *
     * @param ruleId    the id of the rule removed or weakened
     * @param ruleName  its name
     * @param file      its file
     * @param line      the line of the change (the rule's declaration for a removal), from 1
     * @param kind      how the mutant differs
     * @param from      the constant before ("" for a removal)
     * @param to        the constant after ("" for a removal)
     * @param noticedBy the first row that failed against the mutant, as "table: row name", or null
     *                  when none did
     * @param how       how that row failed (its first line: the expectation that no longer held,
     *                  or the error), or null when none did
     */
    public record Mutant(String ruleId, String ruleName, String file, int line, Kind kind, String from, String to,
                         @Nullable String noticedBy, @Nullable String how) {
        /**
         * Checks the values.
         *
         * @param ruleId the rule id
         * @param ruleName the rule name
         * @param file the file
         * @param line the line
         * @param kind the kind
         * @param from the constant before
         * @param to the constant after
         * @param noticedBy the row that noticed it, or null
         * @param how how that row failed, or null
         */
        public Mutant {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(ruleName, "ruleName");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /**
         * True when no row noticed the mutant.
         *
         * @return whether it survived
         */
        public boolean survived() {
            return noticedBy == null;
        }

        /**
         * The change in words: "CI-08 is removed", "CI-09's pressure limit is raised from LIGHT to MODERATE".
         *
         * @return the change
         */
        public String change() {
            return switch (kind) {
                case REMOVED -> ruleId + " is removed";
                case PRESSURE_LIMIT_RAISED -> ruleId + "'s pressure limit is raised from " + from + " to " + to;
                case SUPPORT_WEIGHT_LOWERED -> ruleId + "'s support weight is lowered from " + from + " to " + to;
                case URGENCY_LOWERED -> ruleId + "'s referral is " + to + " instead of " + from;
            };
        }

        /**
         * What the mutant says about the tables: "no row fails if CI-08 is removed", or which row
         * noticed it.
         *
         * @return the description
         */
        public String describe() {
            return survived() ? "no row fails if " + change() : change() + ": noticed by " + noticedBy;
        }
    }

    private final List<Mutant> mutants;
    private final List<String> rowProblems;
    private final List<String> tables;
    private final int rows;
    private final int rules;
    private final String rulesVersion;
    private final LocalDate asOf;

    private MutationReport(List<Mutant> mutants, List<String> rowProblems, List<String> tables, int rows, int rules,
                           String rulesVersion, LocalDate asOf) {
        this.mutants = List.copyOf(mutants);
        this.rowProblems = List.copyOf(rowProblems);
        this.tables = List.copyOf(tables);
        this.rows = rows;
        this.rules = rules;
        this.rulesVersion = rulesVersion;
        this.asOf = asOf;
    }

    /**
     * The mutation report of the bundled rules, as of today, against these tables.
     *
     * @param tables the scenario tables
     * @return the report
     * @throws IllegalArgumentException when a table cannot be read at all (no header, an unknown column)
     */
    public static MutationReport of(ScenarioTable... tables) {
        Builder builder = builder();
        Arrays.stream(tables).forEach(builder::table);
        return builder.run();
    }

    /**
     * A builder: which rules (the bundled ones unless left out, plus rule directories), as of
     * which date, and which tables.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every mutant, rule by rule in load order: the removal, then each weakened value.
     *
     * @return the mutants
     */
    public List<Mutant> mutants() {
        return mutants;
    }

    /**
     * The mutants no row noticed.
     *
     * @return the survivors, in rule order
     */
    public List<Mutant> survivors() {
        return mutants.stream().filter(Mutant::survived).toList();
    }

    /**
     * How many mutants a row noticed.
     *
     * @return the number noticed
     */
    public int noticed() {
        return mutants.size() - survivors().size();
    }

    /**
     * The share of mutants some row noticed, from 0 to 1 (1 when there is no mutant).
     *
     * @return the mutation score
     */
    public double score() {
        return mutants.isEmpty() ? 1.0 : (double) noticed() / mutants.size();
    }

    /**
     * The rows that notice nothing because they fail on the unmutated rules, or cannot be read:
     * each with its table, row and why.
     *
     * @return the problems, in table and row order
     */
    public List<String> rowProblems() {
        return rowProblems;
    }

    /**
     * The tables run, as named in messages.
     *
     * @return the table names
     */
    public List<String> tables() {
        return tables;
    }

    /**
     * How many rows ran against each mutant (rows with problems excluded).
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * How many rules were mutated.
     *
     * @return the number of rules
     */
    public int rules() {
        return rules;
    }

    /**
     * The version of the unmutated rules.
     *
     * @return the rules version
     */
    public String rulesVersion() {
        return rulesVersion;
    }

    /**
     * The date the rules and their mutants answered as of.
     *
     * @return the date
     */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * Fails (an {@link AssertionError}, a failed test in JUnit) when the score is below
     * {@code minimum}, or when rows fail on the unmutated rules; the message lists every surviving
     * mutant.
     *
     * @param minimum the lowest acceptable score, from 0 to 1
     * @return this report
     */
    public MutationReport assertScoreAtLeast(double minimum) {
        if (minimum < 0 || minimum > 1) {
            throw new IllegalArgumentException("a score is from 0 to 1, was " + minimum);
        }
        if (!rowProblems.isEmpty()) {
            throw failure("Rows fail on the unmutated rules, so they notice nothing; fix them first.\n" + text());
        }
        if (score() < minimum) {
            throw failure(String.format(Locale.ROOT, "Expected a mutation score of at least %.1f%%, but it is %.1f%%.%n%s",
                    minimum * 100, score() * 100, text()));
        }
        return this;
    }

    /**
     * Fails when a mutant of these kinds (of every kind when none is given) survived, or when rows
     * fail on the unmutated rules.
     *
     * @param kinds the kinds that must all be noticed
     * @return this report
     */
    public MutationReport assertNoSurvivors(Kind... kinds) {
        Set<Kind> checked = kinds.length == 0 ? EnumSet.allOf(Kind.class) : EnumSet.copyOf(Arrays.asList(kinds));
        if (!rowProblems.isEmpty()) {
            throw failure("Rows fail on the unmutated rules, so they notice nothing; fix them first.\n" + text());
        }
        List<Mutant> survived = survivors().stream().filter(m -> checked.contains(m.kind())).toList();
        if (!survived.isEmpty()) {
            throw failure("Expected every mutant (" + checked.stream().map(Kind::label).collect(Collectors.joining(", "))
                    + ") to be noticed, but " + survived.size() + " survived:\n"
                    + survived.stream().map(m -> "  " + m.describe()).collect(Collectors.joining("\n")));
        }
        return this;
    }

    private static AssertionError failure(String message) {
        AssertionError error = new AssertionError(message, null);
        error.setStackTrace(new StackTraceElement[0]);
        return error;
    }

    /**
     * The report for people: the score, every surviving mutant with its rule, and the rows that
     * notice nothing. The same report gives the same text.
     *
     * @return the text
     */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Mutation report: %d of %d mutants noticed, score %.1f%%%n", noticed(), mutants.size(),
                score() * 100));
        s.append(rules).append(rules == 1 ? " rule" : " rules").append(" mutated (rules ").append(rulesVersion).append(", as of ")
                .append(asOf).append("); ").append(rows).append(rows == 1 ? " row" : " rows").append(" from ")
                .append(String.join(", ", tables)).append(".\n");
        s.append("\nBy kind:\n");
        for (Kind kind : Kind.values()) {
            long total = mutants.stream().filter(m -> m.kind() == kind).count();
            long survived = mutants.stream().filter(m -> m.kind() == kind && m.survived()).count();
            s.append(String.format(Locale.ROOT, "  %-26s %3d mutants, %3d noticed, %3d survived%n", kind.label(), total,
                    total - survived, survived));
        }
        List<Mutant> survivors = survivors();
        if (survivors.isEmpty()) {
            s.append("\nEvery mutant was noticed by a row.\n");
        } else {
            s.append("\nSurvived (no row noticed them):\n");
            for (Mutant m : survivors) {
                s.append("  ").append(m.ruleId()).append("  ").append(m.ruleName()).append(" (").append(m.file()).append(':')
                        .append(m.line()).append(")\n").append("      no row fails if ").append(m.change()).append('\n');
            }
        }
        if (!rowProblems.isEmpty()) {
            s.append("\nRows that notice nothing (they fail on the unmutated rules, or cannot be read):\n");
            rowProblems.forEach(p -> s.append("  ").append(p.replace("\n", "\n    ")).append('\n'));
        }
        return s.toString();
    }

    /** Builds and runs a {@link MutationReport}. Not thread-safe. */
    public static final class Builder {
        private final List<Path> ruleDirectories = new ArrayList<>();
        private final List<ScenarioRows> tables = new ArrayList<>();
        private boolean bundled = true;
        private boolean replaceProtected;
        private boolean withDrafts;
        private @Nullable LocalDate asOf;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Predicate<RuleInfo> mutating = rule -> true;

        private Builder() {
        }

        /**
         * Adds every {@code .drl} file in {@code directory} after the bundled rules (see
         * {@link org.sciatica.advisor.SciaticaAdvisor.Builder#addRuleDirectory}); its rules are mutated too.
         *
         * @param directory a directory of .drl files
         * @return this builder
         */
        public Builder addRuleDirectory(Path directory) {
            ruleDirectories.add(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /**
         * Leaves the bundled rules out: only the added directories are loaded and mutated.
         *
         * @return this builder
         */
        public Builder withoutBundledRules() {
            bundled = false;
            return this;
        }

        /**
         * Allows a rule to replace a protected one, as
         * {@link org.sciatica.advisor.SciaticaAdvisor.Builder#allowReplacingProtectedRules()}.
         *
         * @return this builder
         */
        public Builder allowReplacingProtectedRules() {
            replaceProtected = true;
            return this;
        }

        /**
         * Runs (and mutates) draft rules too.
         *
         * @return this builder
         */
        public Builder withDrafts() {
            withDrafts = true;
            return this;
        }

        /**
         * Answers as of this date instead of today: the rules in force on it are the ones mutated.
         *
         * @param date the date
         * @return this builder
         */
        public Builder asOf(LocalDate date) {
            asOf = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * Mutates only the rules this predicate accepts (all rules in force by default), for example
         * only a clinic's own: {@code rule -> rule.id().startsWith("CL-")}.
         *
         * @param which the rules to mutate
         * @return this builder
         */
        public Builder mutating(Predicate<RuleInfo> which) {
            mutating = Objects.requireNonNull(which, "which");
            return this;
        }

        /**
         * Adds a scenario table.
         *
         * @param table the table
         * @return this builder
         */
        public Builder table(ScenarioTable table) {
            tables.add(Objects.requireNonNull(table, "table").rows());
            return this;
        }

        /**
         * Adds a scenario table from a CSV file.
         *
         * @param csv the file
         * @return this builder
         * @throws UncheckedIOException when the file cannot be read
         */
        public Builder table(Path csv) {
            try {
                tables.add(ScenarioRows.parse(csv.toString(), Files.readString(csv, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
            }
            return this;
        }

        /**
         * How many mutants to compile and run at once (one per core by default).
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + count);
            }
            threads = count;
            return this;
        }

        /**
         * Loads the rules, makes the mutants, and runs every row against each.
         *
         * @return the report
         * @throws RuleLoadException        when the unmutated rules do not load
         * @throws IllegalArgumentException when no table was given, or a table cannot be read at all
         */
        public MutationReport run() {
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("no scenario table: give at least one");
            }
            for (ScenarioRows table : tables) {
                if (table.tableProblem() != null) {
                    throw new IllegalArgumentException(table.tableProblem());
                }
            }
            List<RuleFile> files = new ArrayList<>();
            if (bundled) {
                files.addAll(RuleFile.bundled());
            }
            for (Path dir : ruleDirectories) {
                files.addAll(RuleFile.directory(dir));
            }
            if (files.isEmpty()) {
                throw new RuleLoadException(List.of(new RuleProblem("(none)", 0, 0,
                        "no rules: the bundled rules were left out and no rule directory was added")));
            }
            LocalDate date = asOf != null ? asOf : LocalDate.now();
            RuleBase.Options options = new RuleBase.Options(replaceProtected, withDrafts);
            Engine original = Engine.compileFromDrl(files, options);

            List<ScenarioRows.Row> good = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (ScenarioRows table : tables) {
                for (ScenarioRows.Row row : table.rows()) {
                    String failure;
                    try {
                        failure = row.failure(a -> original.advise(a, date));
                    } catch (RuntimeException e) {
                        failure = row.source() + " row " + row.line() + ": " + e.getMessage();
                    }
                    if (failure == null) {
                        good.add(row);
                    } else {
                        problems.add(row.source() + ": " + row.name() + ": " + failure);
                    }
                }
            }
            List<Mutants.Mutant> made = Mutants.of(files, original.catalog(), rule -> original.inForce(rule, date) && mutating.test(rule));
            List<Mutant> results = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, made.size())), r -> {
                Thread t = new Thread(r, "mutation-report");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Mutant>> running = new ArrayList<>();
                for (Mutants.Mutant mutant : made) {
                    running.add(pool.submit(() -> run(mutant, options, good, date)));
                }
                for (Future<Mutant> f : running) {
                    results.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running the mutants", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
            int mutated = (int) made.stream().map(m -> m.rule().id()).distinct().count();
            List<String> names = tables.stream().map(ScenarioRows::source).toList();
            return new MutationReport(results, problems, names, good.size(), mutated, original.version(), date);
        }

        private static Mutant run(Mutants.Mutant mutant, RuleBase.Options options, List<ScenarioRows.Row> rows, LocalDate date) {
            RuleInfo rule = mutant.rule();
            String noticedBy = null;
            String how = null;
            Engine engine = null;
            try {
                engine = Engine.compileFromDrl(mutant.files(), options);
            } catch (RuleLoadException e) {
                noticedBy = "(loading the rules)";
                how = "the mutated rules do not load: " + e.problems().get(0);
            }
            if (engine != null) {
                Engine mutated = engine;
                for (ScenarioRows.Row row : rows) {
                    String failure;
                    try {
                        failure = row.failure(a -> mutated.advise(a, date));
                    } catch (RuntimeException e) {
                        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    if (failure != null) {
                        noticedBy = row.source() + ": " + row.name();
                        how = firstLine(failure.replaceFirst("^\\Q" + row.source() + " row " + row.line() + ": \\E", ""));
                        break;
                    }
                }
            }
            return new Mutant(rule.id(), rule.name(), rule.file(), mutant.line(), Kind.valueOf(mutant.kind().name()),
                    mutant.from(), mutant.to(), noticedBy, how);
        }

        private static String firstLine(String text) {
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
