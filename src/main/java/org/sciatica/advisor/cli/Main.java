package org.sciatica.advisor.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Impact;
import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.SafetyViolationException;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.internal.Engine;
import org.sciatica.advisor.json.AssessmentJson;
import org.sciatica.advisor.json.CdsHooks;
import org.sciatica.advisor.json.CompactAnswers;
import org.sciatica.advisor.json.RecommendationJson;
import org.sciatica.advisor.testing.MutationReport;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The command line: {@code sciatica-advisor SUBCOMMAND [OPTIONS]}. Each subcommand is one class,
 * registered in {@link Command#subcommands()} below and nowhere else. The 0.1 forms (a FILE without a
 * subcommand, {@code --batch}, {@code --impact}, {@code --list-rules}, ...) are this class's own
 * hidden options: they work as in 0.1, with one deprecation line on standard error.
 */
@Command(name = "sciatica-advisor",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
                AdviseCommand.class,
                BatchCommand.class,
                ExpandCommand.class,
                ImpactCommand.class,
                RulesCommand.class,
                MatrixCommand.class,
                BasisCommand.class,
                MutationReportCommand.class,
                TestCommand.class},
        description = {
                "Recommends massage techniques for a client with sciatica, with warnings and referrals.",
                "A decision aid for trained therapists, not a diagnosis.",
                ""},
        commandListHeading = "%nCommands (sciatica-advisor COMMAND --help for each one's options):%n",
        footer = {
                "",
                "Exit codes: 0 success; 1 a batch or impact in which some lines were bad (all",
                "good lines still answered), or scenario rows that fail;",
                "2 bad input, bad usage or bad rules (message on",
                "standard error); 3 impact found an answer less cautious or unsafe, or",
                "mutation-report's score is below --min-score.",
                "",
                "The 0.1 forms still work in 0.2, each with one deprecation line on standard error:",
                "  [--format text|json|cds-hooks] [--rules DIR]... [FILE | -]   (advise)",
                "  --batch, --impact, --list-rules, --decision-matrix, --clinical-basis,",
                "  --mutation-report   (batch, impact, rules, matrix, basis, mutation-report)",
                "They go in a later minor version: see docs/MIGRATING.md."})
public final class Main implements Callable<Integer> {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: a batch in which some lines were bad. */
    public static final int SOME_LINES_BAD = 1;
    /** Exit code: bad input, bad usage or bad rules. */
    public static final int BAD_INPUT = 2;
    /**
     * Exit code: {@code --impact} found an answer that became less cautious, or one the safety monitor
     * refused; or {@code --mutation-report}'s score is below {@code --min-score}.
     */
    public static final int LESS_CAUTIOUS = 3;

    /** The standard options that print the usage or the version and load no rules. */
    private static final java.util.Set<String> HELP_OR_VERSION = java.util.Set.of("-h", "--help", "-V", "--version");

    enum Format {
        text, json, markdown, cds_hooks;

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", hidden = true, paramLabel = "text|json|markdown|cds-hooks", converter = FormatConverter.class,
            description = "Output for one assessment: text for people (default), json for programs, or cds-hooks "
                    + "(a CDS Hooks 2.0 response with cards). --list-rules takes text, json or markdown (the docs/RULES.md catalog); "
                    + "--impact takes text, json or markdown (for a pull-request comment).")
    @Nullable Format format;

    @Option(names = "--rules", hidden = true, paramLabel = "DIR",
            description = "Add every .drl file in DIR to the bundled rules. Repeatable. Rule files are code: use only directories you trust.")
    List<Path> ruleDirectories = new ArrayList<>();

    @Option(names = "--no-bundled", hidden = true,
            description = "Leave the bundled rules out: only the rule directories given count (at least one is needed).")
    boolean noBundled;

    @Option(names = "--allow-replacing-protected-rules", hidden = true,
            description = "Let a rule's @replaces replace a protected rule (red flags, deep vein thrombosis, the nerve warning). "
                    + "Every replacement is logged; the runtime safety monitor still checks every answer.")
    boolean replaceProtected;

    @Option(names = "--as-of", hidden = true, paramLabel = "YYYY-MM-DD", converter = DateConverter.class,
            description = "Answer with the rules in force on this date (default: today), in every mode; the answer names it (asOf). "
                    + "Retired rules, rules not yet effective or expired on that date do not apply.")
    @Nullable LocalDate asOf;

    @Option(names = "--with-drafts", hidden = true,
            description = "Run draft rules (@status(\"draft\")) too, to trial them; with --impact, on both sides.")
    boolean withDrafts;

    @Option(names = "--review-age", hidden = true, paramLabel = "DAYS",
            description = "With --list-rules or --clinical-basis: flag rules whose last review is more than DAYS days old (default 365).")
    @Nullable Integer reviewAge;

    @Option(names = "--batch", hidden = true,
            description = "JSON lines in, JSON lines out: one assessment per line, one answer per line, same order. Blank lines are skipped.")
    boolean batch;

    @Option(names = "--compact", hidden = true,
            description = "With --batch: write each answer's decisions and ids only (rule ids and text references, no texts,"
                    + " no sources); --expand turns them back into full answers with the catalog of the same rules.")
    boolean compact;

    @Option(names = "--expand", hidden = true,
            description = "Compact lines in (--batch --compact), the full answers out, as --batch writes them; needs --catalog.")
    boolean expand;

    @Option(names = "--catalog", hidden = true, paramLabel = "FILE",
            description = "With --expand: the rule catalog of the rules that wrote the compact lines (--list-rules --format json).")
    @Nullable Path catalog;

    @Option(names = "--list-rules", hidden = true,
            description = "List every loaded rule: id, name, file, what it does and its source (text, --format json or --format markdown).")
    boolean listRules;

    @Option(names = "--decision-matrix", hidden = true,
            description = "Draw the decision matrix (SVG) by running the rules over a grid of assessments.")
    boolean decisionMatrix;

    @Option(names = "--clinical-basis", hidden = true,
            description = "Write docs/CLINICAL-BASIS.md (markdown): every rule with its source, link and claim, then the policy decisions.")
    boolean clinicalBasis;

    @Option(names = "--impact", hidden = true,
            description = "JSON lines in, one report out: answer each line with the baseline rules (bundled plus each --baseline DIR) "
                    + "and the candidate rules (bundled plus each --candidate DIR) and count what changed. "
                    + "Exit 3 when an answer became less cautious or unsafe.")
    boolean impact;

    @Option(names = "--baseline", hidden = true, paramLabel = "DIR",
            description = "With --impact: add every .drl file in DIR to the baseline rules. Repeatable.")
    List<Path> baselineDirectories = new ArrayList<>();

    @Option(names = "--baseline-release", hidden = true, paramLabel = "DIR",
            description = "With --impact: the baseline is a previous release's rules, a copy of its rules/ folder (with its "
                    + "sources.csv) in DIR, instead of the bundled rules; each --baseline DIR is added to it. The candidate "
                    + "keeps the bundled rules (unless --no-bundled).")
    @Nullable Path baselineRelease;

    @Option(names = "--candidate", hidden = true, paramLabel = "DIR",
            description = "With --impact: add every .drl file in DIR to the candidate rules (a rule may @replaces a baseline one). Repeatable.")
    List<Path> candidateDirectories = new ArrayList<>();

    @Option(names = "--mutation-report", hidden = true, arity = "1..*", paramLabel = "TABLE.csv",
            description = "Mutation score of these scenario tables: remove each rule, and weaken each pressure limit, support weight "
                    + "and emergency referral, one mutant at a time, run every row against each and list the mutants no row noticed "
                    + "(text, or --format json). Exit 3 when the score is below --min-score.")
    @Nullable List<Path> mutationTables;

    @Option(names = "--mutate", hidden = true, paramLabel = "ID", split = ",",
            description = "With --mutation-report: mutate only these rules (ids; a trailing * matches a prefix, as in 'CL-*'). "
                    + "Repeatable. Default: every rule in force.")
    List<String> mutate = new ArrayList<>();

    @Option(names = "--min-score", hidden = true, paramLabel = "PERCENT",
            description = "With --mutation-report: the lowest acceptable score, 0 to 100 (default 100: every mutant noticed).")
    @Nullable Double minScore;

    @Option(names = "--quiet", hidden = true,
            description = "With --batch or --impact: no progress line on standard error (it is shown only when standard error is a terminal).")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", hidden = true,
            description = "With --batch or --impact: worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "0..1", paramLabel = "FILE | -", hidden = true,
            description = "The assessment (JSON), or JSON lines with --batch and --impact. - or nothing reads standard input.")
    @Nullable String input;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    /** Wraps each advisor's {@code advise}: the identity, except in tests (a test double of the safety monitor). */
    private final UnaryOperator<Function<Assessment, Recommendation>> advice;
    /** Whether standard input is a terminal (so there is nothing piped to read). */
    private final boolean stdinIsTerminal;

    Main(InputStream stdin, OutputStream stdout, PrintWriter out, PrintWriter err,
         UnaryOperator<Function<Assessment, Recommendation>> advice, boolean stdinIsTerminal) {
        this.stdinIsTerminal = stdinIsTerminal;
        this.stdin = stdin;
        this.stdout = stdout;
        this.out = out;
        this.err = err;
        this.advice = advice;
    }

    /**
     * Main.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        // Most runs answer with the bundled rules: compile them on the other core while picocli builds its
        // command model. Not when asked for the usage or the version, which need no rules (it would slow them).
        if (java.util.Arrays.stream(args).noneMatch(HELP_OR_VERSION::contains)) {
            Engine.startBundled();
        }
        int code = run(args, System.in, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err),
                UnaryOperator.identity(), System.console() != null);
        System.exit(code);
    }

    /**
     * Runs the command line on these streams and returns its exit code; never throws. Flushes, does not close.
     *
     * @param args the command-line arguments
     * @param stdin standard input
     * @param stdout standard output
     * @param stderr standard error
     * @return the exit code
     */
    public static int run(String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr) {
        return run(args, stdin, stdout, stderr, UnaryOperator.identity(), false);
    }

    /** {@link #run(String[], InputStream, OutputStream, OutputStream)} with every {@code advise} wrapped: for tests. */
    static int run(String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr,
                   UnaryOperator<Function<Assessment, Recommendation>> advice) {
        return run(args, stdin, stdout, stderr, advice, false);
    }

    /** As above; {@code stdinIsTerminal}: no arguments then prints the usage instead of reading standard input. */
    static int run(String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr,
                   UnaryOperator<Function<Assessment, Recommendation>> advice, boolean stdinIsTerminal) {
        BufferedOutputStream buffered = new BufferedOutputStream(stdout, 1 << 16);
        PrintWriter out = writer(buffered);
        PrintWriter err = writer(stderr);
        try {
            return run(args, stdin, buffered, out, err, advice, stdinIsTerminal);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int run(String[] args, InputStream stdin, OutputStream stdout, PrintWriter out, PrintWriter err,
                           UnaryOperator<Function<Assessment, Recommendation>> advice, boolean stdinIsTerminal) {
        CommandLine cmd = new CommandLine(new Main(stdin, stdout, out, err, advice, stdinIsTerminal));
        // verify has no 0.1 form: it runs on its own, not through Main's modes.
        cmd.addSubcommand("verify", new VerifyCommand(out, err));
        cmd.setOut(out)
                .setErr(err)
                // "--baseline rules": a directory named like a subcommand is the option's value, as in 0.1.
                .setAllowSubcommandsAsOptionParameters(true);
        cmd.setParameterExceptionHandler((ex, argv) -> {
            err.println("sciatica-advisor: " + ex.getMessage());
            String command = ex.getCommandLine().getCommandName();
            err.println("Try 'java -jar sciatica-advisor-cli.jar " + (command.equals("sciatica-advisor") ? "" : command + " ")
                    + "--help' for usage.");
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, command, parsed) -> {
            if (ex instanceof Failure f) {
                err.println("sciatica-advisor: " + f.getMessage());
            } else {
                err.println("sciatica-advisor: internal error, please report it: " + ex);
            }
            return BAD_INPUT;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Standard output, for a subcommand that writes its own report. */
    PrintWriter out() {
        return out;
    }

    /** The date of this run's answers: --as-of, or today, read once so that a whole batch has one date. */
    private @Nullable LocalDate date;

    /** The run's date, fixed at the start of call(). */
    private LocalDate runDate() {
        return Objects.requireNonNull(date, "the run's date is set at the start of call()");
    }

    /**
     * A 0.1 form (no subcommand): one deprecation line naming the subcommand, then the run as in 0.1.
     * Without arguments and with standard input a terminal there is nothing to read: the usage.
     */
    @Override
    public Integer call() throws IOException {
        if (spec.commandLine().getParseResult().originalArgs().isEmpty() && stdinIsTerminal) {
            spec.commandLine().usage(err);
            return BAD_INPUT;
        }
        String[] form = legacyForm();
        err.println("sciatica-advisor: warning: " + form[0] + " is deprecated; use 'sciatica-advisor " + form[1]
                + "' (the 0.1 form goes in a later minor version)");
        err.flush();
        return dispatch();
    }

    /** The 0.1 form used, as {what, subcommand}. */
    private String[] legacyForm() {
        if (mutationTables != null) {
            return new String[] {"--mutation-report", "mutation-report"};
        }
        if (impact) {
            return new String[] {"--impact", "impact"};
        }
        if (batch) {
            return new String[] {"--batch", "batch"};
        }
        if (listRules) {
            return new String[] {"--list-rules", "rules"};
        }
        if (decisionMatrix) {
            return new String[] {"--decision-matrix", "matrix"};
        }
        if (clinicalBasis) {
            return new String[] {"--clinical-basis", "basis"};
        }
        return new String[] {"an assessment without a subcommand", "advise"};
    }

    /** Called by a subcommand before it sets this command's options: no 0.1 mode may be given with it. */
    void enterSubcommand(String name) {
        if (batch || impact || listRules || decisionMatrix || clinicalBasis || mutationTables != null || input != null) {
            throw usage("'" + name + "' is a subcommand: give its options after it, not a 0.1 mode or FILE before it");
        }
        date = asOf != null ? asOf : LocalDate.now();
    }

    /** Runs the mode the options say, as 0.1 did: the 0.1 forms and the subcommands both end here. */
    int dispatch() throws IOException {
        date = asOf != null ? asOf : LocalDate.now();
        if (reviewAge != null && reviewAge < 0) {
            throw usage("--review-age must be 0 days or more, was " + reviewAge);
        }
        if (reviewAge != null && !listRules && !clinicalBasis) {
            throw usage("--review-age is for --list-rules and --clinical-basis");
        }
        if (mutationTables != null) {
            return mutationReport();
        }
        if (minScore != null || !mutate.isEmpty()) {
            throw usage((minScore != null ? "--min-score" : "--mutate") + " is for --mutation-report");
        }
        if (impact) {
            return impact();
        }
        if (!baselineDirectories.isEmpty() || !candidateDirectories.isEmpty() || baselineRelease != null) {
            throw usage("--baseline, --baseline-release and --candidate are for --impact");
        }
        if (compact && !batch) {
            throw usage("--compact is for --batch");
        }
        if (expand || catalog != null) {
            return expand();
        }
        if (batch && listRules) {
            throw usage("--batch and --list-rules cannot be used together");
        }
        if (batch && format != null && format != Format.json) {
            throw usage("--batch always writes JSON lines; --format " + format + " does not apply");
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1, was " + threads);
        }
        if (format == Format.markdown && !listRules) {
            throw usage("--format markdown is only for --list-rules and --impact");
        }
        if (format == Format.cds_hooks && listRules) {
            throw usage("--format cds-hooks is for one assessment, not for --list-rules");
        }
        if (listRules && input != null) {
            throw usage("--list-rules takes no FILE");
        }
        if (decisionMatrix && (batch || listRules || input != null || format != null)) {
            throw usage("--decision-matrix takes no FILE and no other mode or --format");
        }
        if (clinicalBasis && (batch || listRules || decisionMatrix || input != null || format != null)) {
            throw usage("--clinical-basis takes no FILE and no other mode or --format");
        }
        if (noBundled && ruleDirectories.isEmpty()) {
            throw usage("--no-bundled leaves the bundled rules out: give at least one --rules DIR");
        }
        if (!batch && !listRules && !decisionMatrix && !clinicalBasis) {
            return single();
        }
        SciaticaAdvisor advisor = loadRules();
        if (clinicalBasis) {
            out.print(ClinicalBasis.markdown(advisor));
            return OK;
        }
        if (decisionMatrix) {
            out.print(DecisionMatrix.svg(advisor));
            return OK;
        }
        if (listRules) {
            listRules(advisor);
            return OK;
        }
        Progress progress = quiet || !Progress.stderrIsTerminal() ? Progress.quiet() : new Progress(err);
        out.flush();
        Batch lines = new Batch(advice.apply(advisor::advise), stdout, progress, threads);
        return (compact ? lines.compact(CompactAnswers.of(advisor)) : lines).run(openStream());
    }

    /**
     * One assessment. The rules load on another thread while the input is read and parsed, which
     * saves start-up time on a machine with more than one core. Rule problems are reported before
     * input problems, and no answer is given unless both are fine.
     */
    private int single() throws IOException {
        CompletableFuture<SciaticaAdvisor> rules = CompletableFuture.supplyAsync(this::loadRules);
        String text = null;
        Failure inputFailure = null;
        Assessment assessment = null;
        try (Reader reader = open()) {
            text = readUpTo(reader, AssessmentJson.MAX_LENGTH);
            assessment = AssessmentJson.parse(text);
        } catch (Failure e) {
            inputFailure = e;
        } catch (InvalidAssessmentException e) {
            String hint = text != null && text.strip().contains("\n{") ? " (for several assessments, one per line, use --batch)" : "";
            inputFailure = new Failure(inputName() + ": " + e.getMessage() + hint);
        }
        SciaticaAdvisor advisor;
        try {
            advisor = rules.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (inputFailure != null) {
            throw inputFailure;
        }
        Assessment given = Objects.requireNonNull(assessment, "read without a failure");
        Recommendation r;
        try {
            r = advice.apply(advisor::advise).apply(given);
        } catch (SafetyViolationException e) {
            throw new Failure(String.valueOf(e.getMessage()));
        }
        if (format == Format.json) {
            out.println(RecommendationJson.pretty(r));
        } else if (format == Format.cds_hooks) {
            out.println(CdsHooks.response(r));
        } else {
            out.print(TextReport.render(given, r));
        }
        return OK;
    }

    /** {@code --expand --catalog FILE}: compact lines back to full answers; no rules are loaded. */
    private int expand() throws IOException {
        if (!expand || catalog == null) {
            throw usage(expand ? "--expand needs --catalog FILE (the rules' --list-rules --format json)" : "--catalog is for --expand");
        }
        if (batch || listRules || decisionMatrix || clinicalBasis || format != null || !ruleDirectories.isEmpty() || noBundled) {
            throw usage("--expand takes compact lines and --catalog FILE only: no other mode, --format or --rules");
        }
        String text;
        try {
            text = Files.readString(catalog, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Failure(catalog + ": no such file");
        } catch (IOException e) {
            throw new Failure(catalog + ": cannot read: " + e.getMessage());
        }
        CompactAnswers answers;
        try {
            answers = CompactAnswers.fromCatalog(text);
        } catch (IllegalArgumentException e) {
            throw new Failure(catalog + ": " + e.getMessage());
        }
        out.flush();
        return new Expand(answers, stdout).run(openStream());
    }

    /**
     * {@code --impact}: both rule sets load (on two threads), then the lines are compared and one
     * report is written. Rule problems of both sets are reported together, before any input is read.
     */
    private int impact() throws IOException {
        if (batch || listRules || decisionMatrix || clinicalBasis) {
            throw usage("--impact cannot be used with --batch, --list-rules, --decision-matrix or --clinical-basis");
        }
        if (!ruleDirectories.isEmpty()) {
            throw usage("--impact compares two rule sets: give their directories as --baseline DIR and --candidate DIR, not --rules");
        }
        if (format == Format.cds_hooks) {
            throw usage("--impact writes text, json or markdown; --format cds-hooks does not apply");
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1, was " + threads);
        }
        List<Path> baselines = new ArrayList<>();
        if (baselineRelease != null) {
            baselines.add(baselineRelease);
        }
        baselines.addAll(baselineDirectories);
        if (noBundled && (baselines.isEmpty() || candidateDirectories.isEmpty())) {
            throw usage("--no-bundled leaves the bundled rules out: give at least one --baseline DIR and one --candidate DIR");
        }
        // A previous release's rules replace the bundled ones in the baseline only.
        boolean baselineBundled = !noBundled && baselineRelease == null;
        CompletableFuture<SciaticaAdvisor> baselineRules = CompletableFuture.supplyAsync(
                () -> loadRules(baselines, "the baseline rules", baselineBundled));
        Failure problems = null;
        SciaticaAdvisor candidate = null;
        try {
            candidate = loadRules(candidateDirectories, "the candidate rules", !noBundled);
        } catch (Failure f) {
            problems = f;
        }
        SciaticaAdvisor baseline = null;
        try {
            baseline = baselineRules.join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof Failure f)) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            problems = problems == null ? f : new Failure(f.getMessage() + "\n" + problems.getMessage());
        }
        if (problems != null) {
            throw problems;
        }
        Progress progress = quiet || !Progress.stderrIsTerminal() ? Progress.quiet() : new Progress(err);
        ImpactReport report = new ImpactRun(Impact.of(Objects.requireNonNull(baseline, "loaded without a problem"),
                Objects.requireNonNull(candidate, "loaded without a problem")), progress, threads).run(openStream());
        out.print(ImpactReports.output(report, format == null ? Format.text.toString() : format.toString()));
        return ImpactRun.exitCode(report);
    }

    /**
     * {@code --mutation-report}: the rules (bundled unless --no-bundled, plus each --rules DIR),
     * their mutants, and every row of the tables against each.
     */
    private int mutationReport() {
        if (batch || listRules || decisionMatrix || clinicalBasis || impact) {
            throw usage("--mutation-report cannot be used with --batch, --list-rules, --decision-matrix, --clinical-basis or --impact");
        }
        if (input != null) {
            throw usage("--mutation-report takes its scenario tables as TABLE.csv after it, no other FILE");
        }
        if (format != null && format != Format.text && format != Format.json) {
            throw usage("--mutation-report writes text or json; --format " + format + " does not apply");
        }
        if (!baselineDirectories.isEmpty() || !candidateDirectories.isEmpty() || baselineRelease != null) {
            throw usage("--baseline, --baseline-release and --candidate are for --impact");
        }
        if (noBundled && ruleDirectories.isEmpty()) {
            throw usage("--no-bundled leaves the bundled rules out: give at least one --rules DIR");
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1, was " + threads);
        }
        double minimum = minScore == null ? 100 : minScore;
        if (minimum < 0 || minimum > 100) {
            throw usage("--min-score must be from 0 to 100, was " + minScore);
        }
        MutationReport.Builder builder = MutationReport.builder().asOf(runDate()).threads(threads);
        if (noBundled) {
            builder.withoutBundledRules();
        }
        if (replaceProtected) {
            builder.allowReplacingProtectedRules();
        }
        if (withDrafts) {
            builder.withDrafts();
        }
        ruleDirectories.forEach(builder::addRuleDirectory);
        if (!mutate.isEmpty()) {
            List<String> wanted = mutate.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
            builder.mutating(rule -> wanted.stream().anyMatch(id -> id.endsWith("*")
                    ? rule.id().startsWith(id.substring(0, id.length() - 1)) : rule.id().equals(id)));
        }
        for (Path table : Objects.requireNonNullElse(mutationTables, List.<Path>of())) {
            if (!Files.isRegularFile(table)) {
                throw new Failure(table + ": " + (Files.isDirectory(table) ? "is a directory, not a scenario table" : "no such file"));
            }
            try {
                builder.table(table);
            } catch (java.io.UncheckedIOException e) {
                throw new Failure(String.valueOf(e.getMessage()));
            }
        }
        MutationReport report;
        try {
            report = builder.run();
        } catch (RuleLoadException e) {
            throw loadFailure("the rules", e);
        } catch (IllegalArgumentException e) {
            throw new Failure(String.valueOf(e.getMessage()));
        }
        out.print(format == Format.json ? MutationReports.json(report) + "\n" : report.text());
        if (report.score() * 100 < minimum) {
            return LESS_CAUTIOUS;
        }
        return report.rowProblems().isEmpty() ? OK : SOME_LINES_BAD;
    }

    /** Rules that do not load: one failure listing every problem as file:line:column: message. */
    static Failure loadFailure(String which, RuleLoadException e) {
        StringBuilder message = new StringBuilder(which).append(" cannot be loaded (")
                .append(e.problems().size()).append(e.problems().size() == 1 ? " problem" : " problems").append("):");
        for (RuleProblem p : e.problems()) {
            message.append('\n').append(p);
        }
        return new Failure(message.toString());
    }

    SciaticaAdvisor loadRules() {
        return loadRules(ruleDirectories, "the rules");
    }

    /** The bundled rules (unless --no-bundled) plus these directories; a failure to load lists every problem. */
    private SciaticaAdvisor loadRules(List<Path> directories, String which) {
        return loadRules(directories, which, !noBundled);
    }

    /** As {@link #loadRules(List, String)}, saying whether the bundled rules are in. */
    private SciaticaAdvisor loadRules(List<Path> directories, String which, boolean bundled) {
        SciaticaAdvisor.Builder builder = SciaticaAdvisor.builder();
        if (!bundled) {
            builder.withoutBundledRules();
        }
        if (replaceProtected) {
            builder.allowReplacingProtectedRules();
        }
        if (withDrafts) {
            builder.withDrafts();
        }
        if (reviewAge != null) {
            builder.reviewAgeDays(reviewAge);
        }
        builder.asOf(runDate());
        directories.forEach(builder::addRuleDirectory);
        try {
            SciaticaAdvisor advisor = builder.build();
            if (bundled && !advisor.usesPrecompiledRules()) {
                err.println("sciatica-advisor: warning: this jar holds no precompiled rules matching the bundled ones"
                        + " (built with -Dmaven.test.skip?), so every rule was compiled at start, which takes seconds;"
                        + " build with ./mvnw -DskipTests package");
                err.flush();
            }
            for (String warning : advisor.ruleLoadWarnings()) {
                err.println("sciatica-advisor: warning: " + warning);
                err.flush();
            }
            return advisor;
        } catch (RuleLoadException e) {
            throw loadFailure(which, e);
        }
    }

    private void listRules(SciaticaAdvisor advisor) {
        if (format == Format.json) {
            out.println(RuleCatalog.json(advisor));
        } else if (format == Format.markdown) {
            out.print(RuleCatalog.markdown(advisor));
        } else {
            RuleCatalog.text(advisor, out);
        }
    }

    private Reader open() throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(openStream(), utf8);
    }

    private InputStream openStream() throws IOException {
        if (input == null || input.equals("-")) {
            return stdin;
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            throw new Failure(input + ": is a directory, not an assessment file");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new Failure(input + ": no such file");
        } catch (IOException e) {
            throw new Failure(input + ": cannot read: " + e.getMessage());
        }
    }

    private String inputName() {
        return input == null || input.equals("-") ? "standard input" : input;
    }

    private String readUpTo(Reader reader, int max) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        try {
            while ((n = reader.read(buffer)) > 0) {
                text.append(buffer, 0, n);
                if (text.length() > max) {
                    throw new Failure(inputName() + ": the input is longer than " + max
                            + " characters; one assessment is far shorter (for many, use --batch)");
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Failure(inputName() + ": the input is not valid UTF-8 text");
        }
        return text.toString();
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static PrintWriter writer(OutputStream stream) {
        Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        return new PrintWriter(w, false);
    }

    /** A failure to report in one message, without a stack trace; exit code 2. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** Reads --format values case-insensitively, with cds-hooks spelt with a hyphen. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.toString().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("--format must be one of text, json, cds-hooks, markdown; was '" + value + "'");
        }
    }

    /** Reads --as-of: a calendar date written YYYY-MM-DD. */
    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                if (value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return LocalDate.parse(value.strip());
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date in the calendar");
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date written YYYY-MM-DD (for example 2026-11-28)");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sciatica-advisor " + SciaticaAdvisor.version()};
        }
    }
}
