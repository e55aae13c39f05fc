package org.sciatica.advisor;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a rule change does to the answers: how many assessments the candidate rules answer
 * differently from the baseline rules, by {@link Kind} of change, the rules behind each kind, a few
 * example lines, and a {@link Verdict}. Made by {@link Impact#compare(Iterable)}; immutable.
 *
 * <p>Totals: {@link #assessments()} counts the assessments compared (both answered, or an answer
 * refused by the safety monitor); {@link #errors()} counts the inputs that could not be compared
 * (a bad input line, or rules that failed while running); the two add up to every input.
 *
 * <p>Serializable, so that a report of part of the input made in one process can be merged in
 * another ({@link Impact#tally(ImpactReport)}), as a cluster job does.
 */
public final class ImpactReport implements Serializable {
    private static final long serialVersionUID = 1L;
    /** At most this many examples are kept per kind of change, the first in input order. */
    static final int EXAMPLES_PER_KIND = 3;
    /** At most this many refusals and errors are listed, the first in input order; all are counted. */
    static final int LISTED = 10;

    /**
     * A kind of change between the baseline's answer and the candidate's answer to one assessment.
     * One assessment can change in several kinds at once.
     */
    public enum Kind {
        /** The disposition differs; less cautious when it drops (PROCEED &lt; PROCEED_WITH_CAUTION &lt; REFER). */
        DISPOSITION,
        /** Both refer, with a different urgency; less cautious when it drops (URGENT &lt; EMERGENCY). */
        URGENCY,
        /** The first-ranked technique differs (or one answer has none). */
        FIRST_TECHNIQUE,
        /** A technique the baseline allowed is excluded by the candidate. */
        TECHNIQUE_EXCLUDED,
        /** A technique the baseline excluded is allowed by the candidate; always less cautious. */
        TECHNIQUE_ALLOWED,
        /** A technique recommended by both gets a higher pressure; always less cautious. */
        PRESSURE_RAISED,
        /** A technique recommended by both gets a lower pressure. */
        PRESSURE_LOWERED,
        /** A warning code appears that the baseline did not give. */
        WARNING_ADDED,
        /**
         * A warning code of the baseline disappears; less cautious, except
         * {@link WarningCode#NO_DIRECT_NERVE_PRESSURE} when the candidate refers (no massage, no nerve warning).
         */
        WARNING_REMOVED,
        /**
         * The focus areas differ, or what the rules keep off single body areas; lifting such a
         * restriction is less cautious.
         */
        FOCUS_AREAS,
        /** The session plan differs: its steps or the sessions per week. */
        PLAN,
        /** A rule fired in one answer and not in the other. */
        RULES_FIRED
    }

    /** The outcome of a comparison, from the least to the most serious. */
    public enum Verdict {
        /** No answer changed. */
        UNCHANGED,
        /** Some answers changed, none became less cautious. */
        CHANGED,
        /** At least one answer became less cautious. */
        LESS_CAUTIOUS,
        /** At least one answer was refused by the safety monitor ({@link SafetyViolationException}). */
        UNSAFE;

        /**
         * The verdict for these totals.
         *
         * @param changed      assessments whose answer changed
         * @param lessCautious assessments whose answer became less cautious
         * @param unsafe       assessments whose answer was refused by the safety monitor
         * @return UNSAFE, LESS_CAUTIOUS, CHANGED or UNCHANGED, the first that holds
         */
        static Verdict worstOf(long changed, long lessCautious, long unsafe) {
            return unsafe > 0 ? UNSAFE : lessCautious > 0 ? LESS_CAUTIOUS : changed > 0 ? CHANGED : UNCHANGED;
        }
    }

    /** Which rule set gave an answer. */
    public enum Side {
        /** The rules in use: the baseline. */
        BASELINE,
        /** The proposed rules: the candidate. */
        CANDIDATE
    }

    /**
     * One kind of change over all the assessments compared.
     *
     * @param kind         the kind of change
     * @param count        how many assessments changed in this kind
     * @param lessCautious how many of them became less cautious by this change
     * @param ruleIds      the rules behind these changes: those that fired in one answer and not the
     *                     other, and those that carry the changed warnings and reasons; in rule order
     * @param examples     the first few such assessments (at most 3), in input order
     * @serial exclude
     */
    public record Change(Kind kind, long count, long lessCautious, List<String> ruleIds, List<Example> examples) implements Serializable {
        /**
         * Checks and copies the values.
         *
         * @param kind         the kind
         * @param count        the count
         * @param lessCautious the count of less cautious changes
         * @param ruleIds      the rule ids
         * @param examples     the examples
         */
        public Change {
            Objects.requireNonNull(kind, "kind");
            ruleIds = List.copyOf(ruleIds);
            examples = List.copyOf(examples);
        }
    }

    /**
     * One assessment whose answer changed in one kind.
     *
     * @param line         the input line number (for {@link Impact#compare(Iterable)}, the 1-based position)
     * @param id           the assessment's id; null when it has none
     * @param before       what the baseline answered, in this kind: a disposition, an urgency, a technique,
     *                     a list of excluded techniques, pressures, warning codes, focus areas or plan
     *                     steps, or (for {@link Kind#RULES_FIRED}) the rules that fired only for the baseline;
     *                     {@code none} when empty
     * @param after        what the candidate answered, in the same terms
     * @param lessCautious true when this change makes the answer less cautious
     * @serial exclude
     */
    public record Example(long line, @Nullable String id, String before, String after, boolean lessCautious) implements Serializable {
        /**
         * Checks the values.
         *
         * @param line         the line
         * @param id           the id
         * @param before       the baseline's value
         * @param after        the candidate's value
         * @param lessCautious whether it is less cautious
         */
        public Example {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * An answer the safety monitor refused.
     *
     * @param line       the input line number
     * @param id         the assessment's id; null when it has none
     * @param side       which rule set's answer was refused
     * @param safetyLine the safety-table line the answer broke
     * @param ruleIds    the rules involved, in rule order: those the monitor names, and (when the other
     *                   side answered) the rules that fired for the other side but are missing from the
     *                   refused side's rules, removed or replaced there
     * @param message    the monitor's message
     * @serial exclude
     */
    public record Refusal(long line, @Nullable String id, Side side, int safetyLine, List<String> ruleIds, String message) implements Serializable {
        /**
         * Checks and copies the values.
         *
         * @param line       the line
         * @param id         the id
         * @param side       the side
         * @param safetyLine the safety line
         * @param ruleIds    the rule ids
         * @param message    the message
         */
        public Refusal {
            Objects.requireNonNull(side, "side");
            ruleIds = List.copyOf(ruleIds);
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * An input that could not be compared.
     *
     * @param line    the input line number
     * @param field   the offending field; null when the line is not an assessment at all or the rules failed
     * @param message what is wrong
     * @serial exclude
     */
    public record LineError(long line, @Nullable String field, String message) implements Serializable {
        /**
         * Checks the values.
         *
         * @param line    the line
         * @param field   the field
         * @param message the message
         */
        public LineError {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The baseline's rules version. */
    private final String baselineRules;
    /** The candidate's rules version. */
    private final String candidateRules;
    /** Assessments compared. */
    private final long assessments;
    /** Assessments whose answer changed. */
    private final long changed;
    /** Assessments whose answer became less cautious. */
    private final long lessCautious;
    /** Assessments with an answer the safety monitor refused. */
    private final long unsafe;
    /** Inputs that could not be compared. */
    private final long errors;
    /** Every kind of change, in kind order. */
    private final Map<Kind, Change> changes;
    /** The first refusals. */
    private final List<Refusal> refusals;
    /** The rules involved in every refusal. */
    private final List<String> unsafeRuleIds;
    /** The first inputs that could not be compared. */
    private final List<LineError> errorLines;

    ImpactReport(String baselineRules, String candidateRules, long assessments, long changed, long lessCautious,
                 long unsafe, long errors, Map<Kind, Change> changes, List<Refusal> refusals,
                 List<String> unsafeRuleIds, List<LineError> errorLines) {
        this.baselineRules = baselineRules;
        this.candidateRules = candidateRules;
        this.assessments = assessments;
        this.changed = changed;
        this.lessCautious = lessCautious;
        this.unsafe = unsafe;
        this.errors = errors;
        EnumMap<Kind, Change> all = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            all.put(kind, changes.getOrDefault(kind, new Change(kind, 0, 0, List.of(), List.of())));
        }
        this.changes = all;
        this.refusals = List.copyOf(refusals);
        this.unsafeRuleIds = List.copyOf(unsafeRuleIds);
        this.errorLines = List.copyOf(errorLines);
    }

    /**
     * The verdict: {@link Verdict#UNSAFE} if any answer was refused by the safety monitor, else
     * {@link Verdict#LESS_CAUTIOUS} if any answer became less cautious, else {@link Verdict#CHANGED}
     * if any answer changed, else {@link Verdict#UNCHANGED}. Errors do not change the verdict.
     *
     * @return the verdict
     */
    public Verdict verdict() {
        return Verdict.worstOf(changed, lessCautious, unsafe);
    }

    /**
     * How many assessments were compared: both rule sets answered, or the safety monitor refused an answer.
     *
     * @return the number of assessments compared
     */
    public long assessments() {
        return assessments;
    }

    /**
     * How many assessments got a different answer from the candidate (in any kind).
     *
     * @return the number of changed answers
     */
    public long changed() {
        return changed;
    }

    /**
     * How many assessments got a less cautious answer from the candidate.
     *
     * @return the number of less cautious answers
     */
    public long lessCautious() {
        return lessCautious;
    }

    /**
     * How many assessments had an answer (baseline's or candidate's) refused by the safety monitor.
     *
     * @return the number of unsafe assessments
     */
    public long unsafe() {
        return unsafe;
    }

    /**
     * How many inputs could not be compared: bad input lines, or rules that failed while running.
     *
     * @return the number of errors
     */
    public long errors() {
        return errors;
    }

    /**
     * Every kind of change, in {@link Kind} order, including the kinds with no change (count 0).
     *
     * @return one entry per kind
     */
    public List<Change> changes() {
        return List.copyOf(changes.values());
    }

    /**
     * One kind of change.
     *
     * @param kind the kind of change
     * @return its count, rules and examples (count 0 when nothing changed in this kind)
     */
    public Change change(Kind kind) {
        // The constructor puts every kind in the map.
        return Objects.requireNonNull(changes.get(Objects.requireNonNull(kind, "kind")));
    }

    /**
     * The first answers refused by the safety monitor (at most 10), in input order; {@link #unsafe()} counts all.
     *
     * @return the refusals listed
     */
    public List<Refusal> refusals() {
        return refusals;
    }

    /**
     * The rules involved in every refusal (not only those listed), in rule order; see {@link Refusal#ruleIds()}.
     *
     * @return the rule ids
     */
    public List<String> unsafeRuleIds() {
        return unsafeRuleIds;
    }

    /**
     * The first inputs that could not be compared (at most 10), in input order; {@link #errors()} counts all.
     *
     * @return the errors listed
     */
    public List<LineError> errorLines() {
        return errorLines;
    }

    /**
     * The baseline's rules version, as in its recommendations.
     *
     * @return the baseline rules version
     */
    public String baselineRules() {
        return baselineRules;
    }

    /**
     * The candidate's rules version, as in its recommendations.
     *
     * @return the candidate rules version
     */
    public String candidateRules() {
        return candidateRules;
    }

    @Override
    public String toString() {
        return "ImpactReport[" + verdict() + ": " + assessments + " assessments, " + changed + " changed, "
                + lessCautious + " less cautious, " + unsafe + " unsafe, " + errors + " errors]";
    }
}
