package org.sciatica.advisor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.ImpactReport.Change;
import org.sciatica.advisor.ImpactReport.Example;
import org.sciatica.advisor.ImpactReport.Kind;
import org.sciatica.advisor.ImpactReport.LineError;
import org.sciatica.advisor.ImpactReport.Refusal;
import org.sciatica.advisor.ImpactReport.Side;
import org.sciatica.advisor.internal.InOrderChunks;

/**
 * What a rule change does to the answers: every assessment is answered by two rule sets, the
 * baseline (the rules in use) and the candidate (the proposed rules), and the differences are
 * counted by kind in an {@link ImpactReport}, with the rules behind them and a verdict: did any
 * answer become less cautious, or was any refused by the safety monitor?
 *
 * <pre>{@code
 * SciaticaAdvisor baseline = SciaticaAdvisor.withBundledRules();
 * SciaticaAdvisor candidate = SciaticaAdvisor.builder().addRuleDirectory(Path.of("my-rules")).build();
 * ImpactReport report = Impact.of(baseline, candidate).compare(assessments);
 * if (report.verdict() == ImpactReport.Verdict.LESS_CAUTIOUS) { ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #compare(Iterable)} works on every core in bounded chunks
 * and keeps only counts and a few examples, so memory stays flat however many assessments there
 * are; the report is the same whatever the number of cores.
 */
public final class Impact {
    private static final int CHUNK = 256;

    private final Function<Assessment, Recommendation> baseline;
    private final Function<Assessment, Recommendation> candidate;
    private final String baselineRules;
    private final String candidateRules;
    /** The ids of each side's rules, when known (not for test doubles). */
    private final @Nullable Set<String> baselineIds;
    private final @Nullable Set<String> candidateIds;
    private final Comparator<String> ruleOrder;
    /** The clinic findings each side declares, when known (not for test doubles). */
    private final @Nullable Set<String> baselineFindings;
    private final @Nullable Set<String> candidateFindings;

    /**
     * @param baselineIds  the baseline's rule ids in rule order, or null when unknown
     * @param candidateIds the candidate's rule ids in rule order, or null when unknown
     */
    Impact(Function<Assessment, Recommendation> baseline, Function<Assessment, Recommendation> candidate,
           String baselineRules, String candidateRules, @Nullable List<String> baselineIds, @Nullable List<String> candidateIds) {
        this(baseline, candidate, baselineRules, candidateRules, baselineIds, candidateIds, null, null);
    }

    /**
     * @param baselineFindings  the clinic findings the baseline declares, or null when unknown
     * @param candidateFindings the clinic findings the candidate declares, or null when unknown
     */
    Impact(Function<Assessment, Recommendation> baseline, Function<Assessment, Recommendation> candidate,
           String baselineRules, String candidateRules, @Nullable List<String> baselineIds, @Nullable List<String> candidateIds,
           @Nullable Set<String> baselineFindings, @Nullable Set<String> candidateFindings) {
        this.baselineFindings = baselineFindings == null ? null : Set.copyOf(baselineFindings);
        this.candidateFindings = candidateFindings == null ? null : Set.copyOf(candidateFindings);
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.baselineRules = baselineRules;
        this.candidateRules = candidateRules;
        this.baselineIds = baselineIds == null ? null : Set.copyOf(baselineIds);
        this.candidateIds = candidateIds == null ? null : Set.copyOf(candidateIds);
        Map<String, Integer> position = new HashMap<>();
        for (List<String> ids : Arrays.asList(baselineIds, candidateIds)) {
            if (ids != null) {
                ids.forEach(id -> position.putIfAbsent(id, position.size()));
            }
        }
        this.ruleOrder = Comparator.<String>comparingInt(id -> position.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }

    /**
     * Compares the answers of two advisors.
     *
     * @param baseline  the rules in use
     * @param candidate the proposed rules
     * @return the comparison, ready to run over assessments
     * @throws NullPointerException naming the argument, if either is null
     */
    public static Impact of(SciaticaAdvisor baseline, SciaticaAdvisor candidate) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        return new Impact(baseline::advise, candidate::advise, baseline.rulesVersion(), candidate.rulesVersion(),
                ids(baseline), ids(candidate), baseline.clinicFindings(), candidate.clinicFindings());
    }

    /**
     * The assessment as one side's rules see it: a clinic finding that only the other side
     * declares is left out (these rules do not know it, so it changes nothing for them); one that
     * neither side declares stays, and that side rejects the line.
     */
    private static Assessment asKnownTo(Assessment assessment, @Nullable Set<String> mine, @Nullable Set<String> theirs) {
        if (mine == null || theirs == null || mine.containsAll(assessment.clinicFindings())) {
            return assessment;
        }
        Set<String> known = new java.util.LinkedHashSet<>();
        for (String finding : assessment.clinicFindings()) {
            if (mine.contains(finding)) {
                known.add(finding);
            } else if (!theirs.contains(finding)) {
                return assessment;
            }
        }
        return assessment.toBuilder().clinicFindings(known).build();
    }

    /** The ids of an advisor's rules, in rule order. */
    static List<String> ids(SciaticaAdvisor advisor) {
        return advisor.rules().stream().map(RuleInfo::id).toList();
    }

    /**
     * Answers every assessment with both rule sets and reports the differences. Examples carry
     * the 1-based position of their assessment as their line. An assessment on which either rule
     * set fails while running is counted as an error, not as a comparison.
     *
     * @param assessments the assessments, read once, in order
     * @return the report
     * @throws NullPointerException naming the argument, if it or one of its elements is null
     */
    public ImpactReport compare(Iterable<Assessment> assessments) {
        Objects.requireNonNull(assessments, "assessments");
        return compare(assessments.iterator());
    }

    /**
     * {@link #compare(Iterable)} for a stream, read once in its encounter order; the caller closes it.
     *
     * @param assessments the assessments
     * @return the report
     * @throws NullPointerException naming the argument, if it or one of its elements is null
     */
    public ImpactReport compare(Stream<Assessment> assessments) {
        Objects.requireNonNull(assessments, "assessments");
        return compare(assessments.iterator());
    }

    private ImpactReport compare(Iterator<Assessment> assessments) {
        record Numbered(long line, Assessment assessment) {
        }
        Tally total = tally();
        long[] position = {0};
        try {
            InOrderChunks.<Numbered, Tally>run(() -> {
                if (!assessments.hasNext()) {
                    return null;
                }
                Assessment next = assessments.next();
                position[0]++;
                if (next == null) {
                    throw new NullPointerException("assessments: element " + position[0] + " is null");
                }
                return new Numbered(position[0], next);
            }, chunk -> {
                Tally tally = tally();
                chunk.forEach(n -> tally.add(n.line(), n.assessment()));
                return tally;
            }, total::addAll, Runtime.getRuntime().availableProcessors(), CHUNK, n -> 1, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new IllegalStateException("the comparison was interrupted", e);
        }
        return total.report();
    }

    /**
     * An empty tally, for callers who read and number their own input (possibly on several threads,
     * one tally per chunk, merged in input order with {@link Tally#addAll}).
     *
     * @return a new, empty tally
     */
    public Tally tally() {
        return new Tally();
    }

    /**
     * A tally holding what {@code counted} counted, to merge with {@link Tally#addAll}: for callers
     * whose chunks are tallied in other processes (a cluster job), where each chunk's tally travels
     * as its {@link Tally#report()} ({@link ImpactReport} is serializable).
     *
     * @param counted the report of a tally of this comparison (the same rules on both sides)
     * @return a new tally with the counts, rules and examples of {@code counted}
     * @throws IllegalArgumentException if {@code counted} compares other rules than this Impact
     * @throws NullPointerException     if {@code counted} is null
     */
    public Tally tally(ImpactReport counted) {
        Objects.requireNonNull(counted, "counted");
        if (!counted.baselineRules().equals(baselineRules) || !counted.candidateRules().equals(candidateRules)) {
            throw new IllegalArgumentException("the report compares rules " + counted.baselineRules() + " and "
                    + counted.candidateRules() + ", this Impact compares " + baselineRules + " and " + candidateRules);
        }
        Tally tally = new Tally();
        tally.assessments = counted.assessments();
        tally.changed = counted.changed();
        tally.lessCautious = counted.lessCautious();
        tally.unsafe = counted.unsafe();
        tally.errors = counted.errors();
        for (Change change : counted.changes()) {
            if (change.count() > 0) {
                Counts counts = new Counts();
                counts.count = change.count();
                counts.lessCautious = change.lessCautious();
                counts.rules.addAll(change.ruleIds());
                counts.examples.addAll(change.examples());
                tally.kinds.put(change.kind(), counts);
            }
        }
        tally.refusals.addAll(counted.refusals());
        tally.unsafeRules.addAll(counted.unsafeRuleIds());
        tally.errorLines.addAll(counted.errorLines());
        return tally;
    }

    /**
     * Counts the differences for the assessments added to it, in input order. Not thread-safe: use
     * one per thread or chunk and merge them in input order. Holds only counts, the rules behind
     * them and a few examples, however many assessments are added.
     */
    public final class Tally {
        private final Map<Kind, Counts> kinds = new EnumMap<>(Kind.class);
        private final List<Refusal> refusals = new ArrayList<>();
        private final Set<String> unsafeRules = new HashSet<>();
        private final List<LineError> errorLines = new ArrayList<>();
        private long assessments;
        private long changed;
        private long lessCautious;
        private long unsafe;
        private long errors;

        private Tally() {
        }

        /**
         * Answers one assessment with both rule sets and counts the differences. A refusal by the
         * safety monitor counts as unsafe; rules failing while running count as an error.
         *
         * @param line       the assessment's input line number (1 or more), shown in examples
         * @param assessment the assessment
         * @return this tally
         * @throws IllegalArgumentException if {@code line} is less than 1
         * @throws NullPointerException     if {@code assessment} is null
         */
        public Tally add(long line, Assessment assessment) {
            checkLine(line);
            Objects.requireNonNull(assessment, "assessment");
            Answer before = Answer.of(baseline, asKnownTo(assessment, baselineFindings, candidateFindings));
            Answer after = Answer.of(candidate, asKnownTo(assessment, candidateFindings, baselineFindings));
            if (before.rejected != null || after.rejected != null) {
                InvalidAssessmentException rejected = Objects.requireNonNull(before.rejected != null ? before.rejected : after.rejected,
                        "one side rejected the line");
                String side = before.rejected != null && after.rejected != null ? "both rule sets"
                        : before.rejected != null ? "the baseline rules" : "the candidate rules";
                return addError(line, rejected.field(), "rejected by " + side + ": " + rejected.getMessage());
            }
            if (before.refused != null || after.refused != null) {
                assessments++;
                unsafe++;
                refuse(line, assessment.id(), Side.BASELINE, before.refused, after.answer, baselineIds);
                refuse(line, assessment.id(), Side.CANDIDATE, after.refused, before.answer, candidateIds);
                return this;
            }
            IllegalStateException failure = before.failed != null ? before.failed : after.failed;
            if (failure != null) {
                boolean baselineFailed = before.failed != null;
                return addError(line, null, (baselineFailed ? "the baseline" : "the candidate")
                        + " rules failed on this line: " + failure.getMessage());
            }
            assessments++;
            List<AnswerDiff.Finding> findings = AnswerDiff.compare(before.given(), after.given());
            if (findings.isEmpty()) {
                return this;
            }
            changed++;
            boolean less = false;
            for (AnswerDiff.Finding f : findings) {
                Counts counts = kinds.computeIfAbsent(f.kind(), k -> new Counts());
                counts.count++;
                if (f.lessCautious()) {
                    counts.lessCautious++;
                    less = true;
                }
                counts.rules.addAll(f.ruleIds());
                if (counts.examples.size() < ImpactReport.EXAMPLES_PER_KIND) {
                    counts.examples.add(new Example(line, assessment.id(), f.before(), f.after(), f.lessCautious()));
                }
            }
            if (less) {
                lessCautious++;
            }
            return this;
        }

        /**
         * Counts an input that could not be compared, such as a line that is not a valid assessment.
         *
         * @param line    the input line number (1 or more)
         * @param field   the offending field, or null
         * @param message what is wrong
         * @return this tally
         * @throws IllegalArgumentException if {@code line} is less than 1
         * @throws NullPointerException     if {@code message} is null
         */
        public Tally addError(long line, @Nullable String field, String message) {
            checkLine(line);
            Objects.requireNonNull(message, "message");
            errors++;
            if (errorLines.size() < ImpactReport.LISTED) {
                errorLines.add(new LineError(line, field, message));
            }
            return this;
        }

        /**
         * Adds a tally of the inputs that come after this one's (the next chunk), keeping the
         * examples in input order.
         *
         * @param later a tally of the same {@link Impact}, of later inputs
         * @return this tally
         * @throws IllegalArgumentException if {@code later} is this tally or belongs to another Impact
         * @throws NullPointerException     if {@code later} is null
         */
        public Tally addAll(Tally later) {
            Objects.requireNonNull(later, "later");
            if (later == this || later.impact() != impact()) {
                throw new IllegalArgumentException("later must be another tally of the same Impact");
            }
            assessments += later.assessments;
            changed += later.changed;
            lessCautious += later.lessCautious;
            unsafe += later.unsafe;
            errors += later.errors;
            later.kinds.forEach((kind, theirs) -> {
                Counts ours = kinds.computeIfAbsent(kind, k -> new Counts());
                ours.count += theirs.count;
                ours.lessCautious += theirs.lessCautious;
                ours.rules.addAll(theirs.rules);
                addUpTo(ours.examples, theirs.examples, ImpactReport.EXAMPLES_PER_KIND);
            });
            addUpTo(refusals, later.refusals, ImpactReport.LISTED);
            unsafeRules.addAll(later.unsafeRules);
            addUpTo(errorLines, later.errorLines, ImpactReport.LISTED);
            return this;
        }

        /**
         * The report so far; the tally can go on counting.
         *
         * @return an immutable report of what was added
         */
        public ImpactReport report() {
            Map<Kind, Change> changes = new EnumMap<>(Kind.class);
            kinds.forEach((kind, c) -> changes.put(kind, new Change(kind, c.count, c.lessCautious, sorted(c.rules), c.examples)));
            return new ImpactReport(baselineRules, candidateRules, assessments, changed, lessCautious, unsafe, errors,
                    changes, refusals, sorted(unsafeRules), errorLines);
        }

        private Impact impact() {
            return Impact.this;
        }

        /**
         * Records a refusal. The rules involved are those the monitor names and, when the other
         * side answered, the rules that fired for it and are missing from the refused side's rules
         * (removed or replaced there): a removed rule never fires, so the monitor cannot name it.
         */
        private void refuse(long line, @Nullable String id, Side side, @Nullable SafetyViolationException e,
                            @Nullable Recommendation otherAnswer, @Nullable Set<String> refusedSideIds) {
            if (e == null) {
                return;
            }
            Set<String> rules = new HashSet<>(e.ruleIds());
            if (otherAnswer != null && refusedSideIds != null) {
                otherAnswer.firedRules().stream().filter(rule -> !refusedSideIds.contains(rule)).forEach(rules::add);
            }
            unsafeRules.addAll(rules);
            if (refusals.size() < ImpactReport.LISTED) {
                refusals.add(new Refusal(line, id, side, e.line(), sorted(rules), String.valueOf(e.getMessage())));
            }
        }

        private List<String> sorted(Set<String> rules) {
            return rules.stream().sorted(ruleOrder).toList();
        }
    }

    /** Per kind: how many, how many less cautious, the rules behind them, the first examples. */
    private static final class Counts {
        long count;
        long lessCautious;
        final Set<String> rules = new HashSet<>();
        final List<Example> examples = new ArrayList<>(ImpactReport.EXAMPLES_PER_KIND);
    }

    /** One rule set's answer to one assessment: the answer, a refusal, or a failure while running. */
    private record Answer(@Nullable Recommendation answer, @Nullable SafetyViolationException refused,
                          @Nullable IllegalStateException failed, @Nullable InvalidAssessmentException rejected) {
        static Answer of(Function<Assessment, Recommendation> advisor, Assessment assessment) {
            try {
                return new Answer(advisor.apply(assessment), null, null, null);
            } catch (SafetyViolationException e) {
                return new Answer(null, e, null, null);
            } catch (IllegalStateException e) {
                return new Answer(null, null, e, null);
            } catch (InvalidAssessmentException e) {
                return new Answer(null, null, null, e);
            }
        }

        /** The answer, when the advisor was neither refused nor failed (then there always is one). */
        Recommendation given() {
            return Objects.requireNonNull(answer, "no answer: the advisor was refused or failed");
        }
    }

    private static void checkLine(long line) {
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }

    private static <T> void addUpTo(List<T> to, List<T> from, int max) {
        for (T item : from) {
            if (to.size() >= max) {
                return;
            }
            to.add(item);
        }
    }
}
