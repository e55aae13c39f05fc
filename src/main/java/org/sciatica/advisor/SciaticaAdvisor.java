package org.sciatica.advisor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.sciatica.advisor.internal.Engine;
import org.sciatica.advisor.internal.RuleBase;
import org.sciatica.advisor.internal.RuleFile;

/**
 * The entry point: recommends massage techniques for one {@link Assessment} at a time.
 *
 * <p>Build it once, at start-up (compiling the rules takes about a second), and share it: it is
 * immutable and safe to use from any number of threads. Each {@link #advise} call runs the rules in
 * a fresh rule session that is always disposed, so no call sees another's facts.
 *
 * <pre>{@code
 * SciaticaAdvisor advisor = SciaticaAdvisor.withBundledRules();
 * Recommendation r = advisor.advise(Assessment.builder()
 *         .cause(Cause.PIRIFORMIS_SYNDROME).sensitivity(Sensitivity.MODERATE)
 *         .inflammation(Inflammation.NONE).painLevel(5).build());
 * }</pre>
 *
 * <p><b>Rules in force on a date.</b> Every answer is given as of a date, named in
 * {@link Recommendation#asOf()}: today (in the JVM's time zone) unless the advisor was given one
 * ({@link Builder#asOf(LocalDate)}, {@link #asOf(LocalDate)}). Only the rules in force on that date
 * run: not {@code retired} ones, none before its {@code @effective} date or from its
 * {@code @expiry} date, and {@code draft} ones only when asked for ({@link Builder#withDrafts()}).
 */
public final class SciaticaAdvisor {
    private final Engine engine;
    private final @Nullable LocalDate asOf;
    private final int reviewAgeDays;

    private SciaticaAdvisor(Engine engine, @Nullable LocalDate asOf, int reviewAgeDays) {
        this.engine = engine;
        this.asOf = asOf;
        this.reviewAgeDays = reviewAgeDays;
    }

    /**
     * An advisor with the rules that ship in the jar. They are compiled once and shared by every
     * advisor made with them and the default options (this, or a {@link Builder} without added
     * directories, drafts or protected-rule replacement), so a second call is cheap.
     *
     * @throws RuleLoadException only if the jar itself is broken
     * @return an advisor with the bundled rules
     */
    public static SciaticaAdvisor withBundledRules() {
        return builder().build();
    }

    /**
     * A builder that starts from the bundled rules and can add rule directories.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the rules over one assessment.
     *
     * @param assessment the client's assessment, already validated by its constructor
     * @return the recommendation; never null
     * @throws NullPointerException  if {@code assessment} is null
     * @throws IllegalStateException if an added rule fails while running (a bug in that rule)
     */
    public Recommendation advise(Assessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        return engine.advise(assessment, asOf());
    }

    /**
     * The same rules, answering as of another date: for replaying an answer, or for trying rules
     * that take effect later. Cheap: the compiled rules are shared, nothing is compiled again.
     *
     * @param date the date every answer is given as of
     * @return an advisor with the same rules that answers as of {@code date}
     * @throws NullPointerException if {@code date} is null
     */
    public SciaticaAdvisor asOf(LocalDate date) {
        return new SciaticaAdvisor(engine, Objects.requireNonNull(date, "date"), reviewAgeDays);
    }

    /**
     * The date answers are given as of: the one this advisor was given, or else today's date in
     * the JVM's default time zone (read on every call).
     *
     * @return the date of the rules in force
     */
    public LocalDate asOf() {
        return asOf != null ? asOf : LocalDate.now();
    }

    /**
     * The loaded rules that apply as of {@link #asOf()}, in load order: neither retired, nor
     * outside their dates, nor drafts unless drafts were asked for, nor replaced on that date.
     *
     * @return the rules in force
     */
    public List<RuleInfo> rulesInForce() {
        LocalDate date = asOf();
        return engine.catalog().stream().filter(rule -> engine.inForce(rule, date)).toList();
    }

    /**
     * How many days a rule's review stays current ({@link RuleInfo#DEFAULT_REVIEW_AGE_DAYS} unless
     * the builder was given another age).
     *
     * @return the review age in days
     */
    public int reviewAgeDays() {
        return reviewAgeDays;
    }

    /**
     * The loaded rules overdue for review as of {@link #asOf()}: no {@code @reviewed} date, or one
     * more than {@link #reviewAgeDays()} days before; retired rules are never overdue.
     *
     * @return the rules a clinician should review, in load order
     */
    public List<RuleInfo> rulesOverdueForReview() {
        LocalDate date = asOf();
        return engine.catalog().stream().filter(rule -> rule.reviewOverdue(date, reviewAgeDays)).toList();
    }

    /**
     * Every loaded rule, in load order: id, name, file and source.
     *
     * @return the catalog of loaded rules
     */
    public List<RuleInfo> rules() {
        return engine.catalog();
    }

    /**
     * Identifies the loaded rules: the library version and a digest of every rule file's text.
     *
     * @return the rules version, as in every recommendation
     */
    public String rulesVersion() {
        return engine.version();
    }

    /**
     * Every entry of the sources registry loaded with the rules, by id: what the rules'
     * {@code @source} metadata names (published guidance with its URL, or a product policy with
     * its rationale).
     *
     * @return the registry entries, ordered by id
     */
    public java.util.Collection<Source> sources() {
        return engine.sources();
    }

    /**
     * True when the rules run from the executable model precompiled into the jar at build time
     * (about half the start-up time and a quarter of the memory of compiling the DRL). Added rule
     * directories keep it true: only their files are compiled, on top of the precompiled rules.
     * False when the bundled rules are left out or were edited, or when the jar was built without
     * the generator (for example with {@code -Dmaven.test.skip=true}).
     *
     * @return whether the precompiled rules are in use
     */
    public boolean usesPrecompiledRules() {
        return engine.precompiled();
    }

    /**
     * One line for each added rule directory whose precompiled model (made in the clinic's build by
     * {@link org.sciatica.advisor.tools.PrecompileRules}) was not used because it is stale (made from
     * other {@code .drl} files than the directory holds now) or cannot be loaded: the line names the
     * directory and why. Those rules were compiled from DRL instead, so the answers are right but the
     * start is slower. A directory without a model is not listed. See docs/RULE-AUTHORING.md.
     *
     * @return the warnings, empty when every precompiled model found was used
     */
    public List<String> ruleLoadWarnings() {
        return engine.loadWarnings();
    }

    /**
     * The clinic findings the loaded rules declare (in {@code vocabulary.csv} beside them): the
     * values an assessment's {@code clinicFindings} may hold. Empty with the bundled rules alone.
     *
     * @return the declared findings, sorted
     */
    public java.util.Set<String> clinicFindings() {
        return engine.clinicFindings();
    }

    /**
     * The warning codes a clinic declared with the loaded rules (in {@code vocabulary.csv}), beside
     * the built-in {@link WarningCode}s. Empty with the bundled rules alone.
     *
     * @return the declared codes, sorted
     */
    public java.util.Set<String> clinicWarningCodes() {
        return engine.clinicWarningCodes();
    }

    /**
     * The library's version.
     *
     * @return the library version
     */
    public static String version() {
        return Engine.productVersion();
    }

    /** Builds a {@link SciaticaAdvisor}. Not thread-safe; the advisor it builds is. */
    public static final class Builder {
        private final List<Path> ruleDirectories = new ArrayList<>();
        private boolean bundled = true;
        private boolean replaceProtected;
        private boolean withDrafts;
        private @Nullable LocalDate asOf;
        private int reviewAgeDays = RuleInfo.DEFAULT_REVIEW_AGE_DAYS;

        private Builder() {
        }

        /**
         * Adds every {@code .drl} file directly in {@code directory}, in name order, after the
         * bundled rules. Rule files are code: add only directories you trust.
         * @param directory a directory of .drl files
         * @return this builder
         */
        public Builder addRuleDirectory(Path directory) {
            ruleDirectories.add(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /**
         * Leaves the bundled rules out, so only the added directories count; for rule authors who
         * test a rule set of their own. The advisor then gives only what those rules say.
         * @return this builder
         */
        public Builder withoutBundledRules() {
            bundled = false;
            return this;
        }

        /**
         * Allows a rule with {@code @replaces} to replace a protected rule (one marked
         * {@code @protect}: the red-flag rules, the deep vein thrombosis rule, the nerve warning).
         * Without this, such a replacement is a load error. Every replacement is logged at WARN,
         * and the runtime safety monitor still checks every answer.
         *
         * @return this builder
         */
        public Builder allowReplacingProtectedRules() {
            replaceProtected = true;
            return this;
        }

        /**
         * Runs {@code draft} rules too (as long as their dates allow), so that a clinic can trial a
         * rule, for example in an impact report, before making it active. Without this, draft rules
         * are loaded and listed in the catalog but never run, and a draft's {@code @replaces}
         * replaces nothing.
         *
         * @return this builder
         */
        public Builder withDrafts() {
            withDrafts = true;
            return this;
        }

        /**
         * Gives every answer as of this date instead of today: the rules in force on that date run,
         * and {@link Recommendation#asOf()} names it.
         *
         * @param date the date answers are given as of
         * @return this builder
         * @throws NullPointerException if {@code date} is null
         */
        public Builder asOf(LocalDate date) {
            asOf = Objects.requireNonNull(date, "date");
            return this;
        }

        /**
         * How many days a rule's review stays current before the rule is overdue for review
         * ({@link RuleInfo#DEFAULT_REVIEW_AGE_DAYS}, 365, unless set).
         *
         * @param days the review age in days, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if {@code days} is negative
         */
        public Builder reviewAgeDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("the review age must be 0 days or more, was " + days);
            }
            reviewAgeDays = days;
            return this;
        }

        /**
         * Reads and compiles the rules.
         *
         * @throws RuleLoadException listing every problem: unreadable directories, compile errors
         *                           with file, line and column, rules without {@code @id} or
         *                           {@code @source}, duplicate ids, a replaced protected rule
         *                           without {@link #allowReplacingProtectedRules()}, a bad
         *                           {@code @status}, {@code @reviewed}, {@code @effective} or
         *                           {@code @expiry}
         * @return the advisor, ready to share between threads
         */
        public SciaticaAdvisor build() {
            if (bundled && ruleDirectories.isEmpty() && !replaceProtected && !withDrafts) {
                return new SciaticaAdvisor(Engine.bundled(), asOf, reviewAgeDays);
            }
            List<RuleFile> files = new ArrayList<>();
            if (bundled) {
                files.addAll(RuleFile.bundled());
            }
            // A directory that cannot be read does not hide the problems of the others' rules.
            List<RuleProblem> directoryProblems = new ArrayList<>();
            for (Path dir : ruleDirectories) {
                try {
                    files.addAll(RuleFile.directory(dir));
                } catch (RuleLoadException e) {
                    directoryProblems.addAll(e.problems());
                }
            }
            if (files.isEmpty() && directoryProblems.isEmpty()) {
                directoryProblems.add(new RuleProblem("(none)", 0, 0,
                        "no rules: the bundled rules were left out and no rule directory was added"));
                throw new RuleLoadException(directoryProblems);
            }
            if (files.isEmpty()) {
                throw new RuleLoadException(directoryProblems);
            }
            Engine engine;
            try {
                engine = Engine.compile(files, new RuleBase.Options(replaceProtected, withDrafts));
            } catch (RuleLoadException e) {
                directoryProblems.addAll(e.problems());
                throw new RuleLoadException(directoryProblems);
            }
            if (!directoryProblems.isEmpty()) {
                throw new RuleLoadException(directoryProblems);
            }
            return new SciaticaAdvisor(engine, asOf, reviewAgeDays);
        }
    }
}
