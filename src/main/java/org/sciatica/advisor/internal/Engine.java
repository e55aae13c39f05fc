package org.sciatica.advisor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Recommendation.Warning;
import org.sciatica.advisor.RuleInfo;
import org.sciatica.advisor.SafetyViolationException;
import org.sciatica.advisor.Source;
import org.sciatica.advisor.WarningCode;

/** Compiled rules plus the assembler: what the public facade delegates to. Thread-safe. */
public final class Engine {
    private final RuleBase rules;
    private final Assembler assembler;

    private final Set<String> bundledFiles;
    /** The {@link #bundled()} engine: being compiled, or compiled; null before the first call or after a failure. */
    private static final AtomicReference<CompletableFuture<Engine>> BUNDLED = new AtomicReference<>();

    private Engine(RuleBase rules) {
        this.rules = rules;
        this.assembler = new Assembler(rules);
        this.bundledFiles = RuleFile.bundledNames();
    }

    /** Compiles the files into an engine; see {@link RuleBase#compile}. */
    public static Engine compile(List<RuleFile> files) {
        return new Engine(RuleBase.compile(files, productVersion()));
    }

    /** Compiles the files; {@code replaceProtected} allows {@code @replaces} on a protected rule. */
    public static Engine compile(List<RuleFile> files, boolean replaceProtected) {
        return new Engine(RuleBase.compile(files, productVersion(), replaceProtected));
    }

    /** Compiles the files with these load options (protected rules replaceable, drafts run). */
    public static Engine compile(List<RuleFile> files, RuleBase.Options options) {
        return new Engine(RuleBase.compile(files, productVersion(), options));
    }

    /**
     * The bundled rules with the default load options, compiled once per class loader and shared: what
     * {@code SciaticaAdvisor.withBundledRules()} answers with. An engine is immutable, so one serves every
     * advisor that asks for these rules. A compilation that fails is not kept: the next call compiles
     * again and reports its own problems.
     *
     * @return the engine of the bundled rules
     * @throws org.sciatica.advisor.RuleLoadException only if the jar itself is broken
     */
    public static Engine bundled() {
        CompletableFuture<Engine> mine = new CompletableFuture<>();
        CompletableFuture<Engine> shared = BUNDLED.compareAndExchange(null, mine);
        if (shared != null) {
            try {
                return shared.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                // The shared compilation failed (it has been cleared): compile here, to report its problems.
                return compile(RuleFile.bundled(), RuleBase.Options.DEFAULT);
            }
        }
        try {
            Engine engine = compile(RuleFile.bundled(), RuleBase.Options.DEFAULT);
            mine.complete(engine);
            return engine;
        } catch (RuntimeException | Error e) {
            BUNDLED.compareAndSet(mine, null);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Starts compiling the {@link #bundled()} rules on a daemon thread, for a caller that will most
     * likely need them and has other work first: the command line, while it reads its arguments.
     * A failure is left to the caller that asks for them, which compiles again and reports it.
     */
    public static void startBundled() {
        Thread thread = new Thread(() -> {
            try {
                bundled();
            } catch (RuntimeException e) {
                // reported by the caller of bundled(), which compiles again
            }
        }, "sciatica-advisor-bundled-rules");
        thread.setDaemon(true);
        thread.start();
    }

    /** Compiles the DRL even where a precompiled model exists: for comparing the two, and for mutants. */
    static Engine compileFromDrl(List<RuleFile> files) {
        return compileFromDrl(files, RuleBase.Options.DEFAULT);
    }

    /**
     * Compiles the files with these Drools options, from the precompiled model where it applies
     * unless {@code precompiledAllowed} is false: for the benchmarks that compare options.
     */
    static Engine compile(List<RuleFile> files, boolean precompiledAllowed, DroolsOptions drools) {
        return new Engine(RuleBase.compile(files, productVersion(), precompiledAllowed, RuleBase.Options.DEFAULT, drools));
    }

    /** Compiles the DRL with these options even where a precompiled model exists. */
    public static Engine compileFromDrl(List<RuleFile> files, RuleBase.Options options) {
        return new Engine(RuleBase.compile(files, productVersion(), false, options));
    }

    /**
     * Evaluates one assessment in a fresh, always disposed, rule session, then checks the answer
     * with the runtime safety monitor.
     *
     * @throws SafetyViolationException when the answer breaks a line of the safety table that the
     *                                  rule set does not deliberately depart from
     */
    public Recommendation advise(Assessment assessment, LocalDate asOf) {
        for (String finding : assessment.clinicFindings()) {
            if (!rules.clinicFindings().contains(finding)) {
                throw new org.sciatica.advisor.InvalidAssessmentException("clinicFindings", "clinicFindings: \"" + finding
                        + "\" is not declared by the loaded rules; " + (rules.clinicFindings().isEmpty()
                                ? "they declare none (a clinic declares its findings in the " + ClinicVocabulary.FILE_NAME
                                        + " beside its rules)"
                                : "declared: " + String.join(", ", rules.clinicFindings())));
            }
        }
        return monitored(assessment, assembler.assemble(assessment, Evaluation.run(rules, assessment, asOf), asOf));
    }

    /** The answer as it leaves the library: checked, with any deliberate departure shown. */
    Recommendation monitored(Assessment assessment, Recommendation answer) {
        List<SafetyMonitor.Violation> violations = SafetyMonitor.check(assessment, answer, this::addedRules);
        if (violations.isEmpty()) {
            return answer;
        }
        List<Warning> departures = new ArrayList<>();
        List<Source> departureSources = new ArrayList<>();
        Set<Integer> shown = new TreeSet<>();
        for (SafetyMonitor.Violation v : violations) {
            SafetyMonitor.Departure departure = rules.departures().stream()
                    .filter(d -> d.line() == v.line()).findFirst().orElse(null);
            if (departure == null) {
                throw new SafetyViolationException(v.line(), v.what(), v.ruleIds());
            }
            if (shown.add(v.line())) {
                String sourceId = "clinic-departure-line-" + v.line();
                departureSources.add(new Source(sourceId, Source.Kind.POLICY, "Departure from safety line " + v.line(),
                        "the clinic's " + departure.file(), null, null, null, departure.reason()));
                departures.add(new Warning(WarningCode.SAFETY_DEPARTURE.name(), WarningCode.SAFETY_DEPARTURE.severity(),
                        "This clinic departs from safety line " + v.line() + " (" + v.what() + "): " + departure.reason(),
                        "SAFETY-" + v.line(), sourceId));
            }
        }
        List<Warning> warnings = new ArrayList<>(departures);
        warnings.addAll(answer.warnings());
        List<Source> sources = new ArrayList<>(answer.sources());
        sources.addAll(departureSources);
        Disposition disposition = answer.disposition().compareTo(WarningCode.SAFETY_DEPARTURE.disposition()) < 0
                ? WarningCode.SAFETY_DEPARTURE.disposition() : answer.disposition();
        return new Recommendation(answer.id(), disposition, answer.referral(), answer.techniques(), answer.excluded(),
                warnings, answer.focusAreas(), answer.sessionPlan(), answer.firedRules(), answer.questions(), sources,
                answer.rulesVersion(), answer.asOf(), answer.areaLimits());
    }

    /** The fired rules that did not ship with the library: the ones a broken safety line is traced to. */
    private List<String> addedRules(List<String> fired) {
        return fired.stream().filter(id -> {
            RuleInfo info = rules.byId(id);
            return info == null || !bundledFiles.contains(info.file());
        }).toList();
    }

    RuleBase rules() {
        return rules;
    }

    Assembler assembler() {
        return assembler;
    }

    /** True when the rule runs for an answer given as of {@code date}; see {@link RuleBase#inForce}. */
    public boolean inForce(RuleInfo rule, LocalDate date) {
        return rules.inForce(rule, date);
    }

    public List<RuleInfo> catalog() {
        return rules.catalog();
    }

    /** The findings the loaded rules declare for {@code clinicFindings}, sorted. */
    public java.util.Set<String> clinicFindings() {
        return rules.clinicFindings();
    }

    /** The warning codes the loaded rules declare, sorted. */
    public java.util.Set<String> clinicWarningCodes() {
        return rules.clinicWarningCodes();
    }

    /** Every entry of the sources registry, ordered by id. */
    public java.util.Collection<Source> sources() {
        return rules.sources();
    }

    /** Rule directories whose precompiled model was stale or unusable, each with why; see {@link RuleBase#loadWarnings()}. */
    public List<String> loadWarnings() {
        return rules.loadWarnings();
    }

    /** True when the rules run from the model precompiled into the jar (the fast start). */
    public boolean precompiled() {
        return rules.precompiled();
    }

    public String version() {
        return rules.version();
    }

    /** The library version, from the jar's build properties. */
    public static String productVersion() {
        try (InputStream in = Engine.class.getClassLoader().getResourceAsStream("sciatica-advisor.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sciatica-advisor.properties", e);
        }
    }
}
