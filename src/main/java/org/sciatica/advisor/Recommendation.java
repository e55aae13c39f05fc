package org.sciatica.advisor;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules advise for one {@link Assessment}. Immutable; every list is unmodifiable.
 *
 * <p>Every claim carries its {@link Reason}s: which rule made it and what that rule rests on.
 * Each of the five techniques appears exactly once, in {@link #techniques()} (ranked, best first)
 * or in {@link #excluded()}.
 *
 * @param id           the assessment's id, echoed; may be null
 * @param disposition  proceed, proceed with caution, or refer
 * @param referral     why and how urgently to refer; null unless the disposition is {@link Disposition#REFER}
 * @param techniques   techniques to use, best first; empty on referral
 * @param excluded     techniques not to use, with why, in {@link Technique} order
 * @param warnings     warnings, most severe first
 * @param focusAreas   areas to work on, in {@link BodyArea} order; empty on referral
 * @param sessionPlan  how to run the session and how often; empty steps on referral
 * @param firedRules   ids of the rules that fired, in rule-base order
 * @param questions    what the therapist should ask because its absence may hide a reason to refer or
 *                     to hold back, in input-field order; empty when nothing is missing
 * @param sources      every source a {@code sourceId} in this answer names, once each, in order of
 *                     first mention: the answer's bibliography
 * @param rulesVersion identifies the rule base that produced this answer
 * @param asOf         the date the answer was given as of: only the rules in force on that date ran
 * @param areaLimits   what the rules keep off single body areas (a technique, or pressure above a
 *                     level), one entry per area in {@link BodyArea} order; empty when no rule
 *                     restricts an area, and on referral
 */
public record Recommendation(
        @Nullable String id,
        Disposition disposition,
        @Nullable Referral referral,
        List<RankedTechnique> techniques,
        List<ExcludedTechnique> excluded,
        List<Warning> warnings,
        List<FocusArea> focusAreas,
        SessionPlan sessionPlan,
        List<String> firedRules,
        List<Question> questions,
        List<Source> sources,
        String rulesVersion,
        java.time.LocalDate asOf,
        List<AreaLimit> areaLimits) {

    /**
     * An answer without questions and without restrictions on single body areas (the constructor of
     * version 0.1).
     *
     * @param id the id
     * @param disposition the disposition
     * @param referral the referral
     * @param techniques the techniques
     * @param excluded the excluded
     * @param warnings the warnings
     * @param focusAreas the focus areas
     * @param sessionPlan the session plan
     * @param firedRules the fired rules
     * @param sources the sources named in the answer
     * @param rulesVersion the rules version
     * @param asOf the date of the rules in force
     */
    public Recommendation(@Nullable String id, Disposition disposition, @Nullable Referral referral,
                          List<RankedTechnique> techniques, List<ExcludedTechnique> excluded, List<Warning> warnings,
                          List<FocusArea> focusAreas, SessionPlan sessionPlan, List<String> firedRules, List<Source> sources,
                          String rulesVersion, java.time.LocalDate asOf) {
        this(id, disposition, referral, techniques, excluded, warnings, focusAreas, sessionPlan, firedRules, List.of(),
                sources, rulesVersion, asOf, List.of());
    }

    /**
     * Checks and copies the values.
     *
     * @param id the id
     * @param disposition the disposition
     * @param referral the referral
     * @param techniques the techniques
     * @param excluded the excluded
     * @param warnings the warnings
     * @param focusAreas the focus areas
     * @param sessionPlan the session plan
     * @param firedRules the fired rules
     * @param questions the questions for the therapist to ask
     * @param sources the sources named in the answer
     * @param rulesVersion the rules version
     * @param asOf the date of the rules in force
     * @param areaLimits the restrictions on single body areas
     */
    public Recommendation {
        Objects.requireNonNull(disposition, "disposition");
        if ((disposition == Disposition.REFER) != (referral != null)) {
            throw new IllegalArgumentException("referral must be present exactly when disposition is REFER, was "
                    + disposition + " with referral " + referral);
        }
        techniques = List.copyOf(techniques);
        excluded = List.copyOf(excluded);
        warnings = List.copyOf(warnings);
        focusAreas = List.copyOf(focusAreas);
        Objects.requireNonNull(sessionPlan, "sessionPlan");
        firedRules = List.copyOf(firedRules);
        questions = List.copyOf(questions);
        sources = List.copyOf(sources);
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(asOf, "asOf");
        areaLimits = List.copyOf(areaLimits);
    }

    /**
     * What the rules keep off one body area, if anything.
     *
     * @param area the area
     * @return its restrictions, or empty when no rule restricts it
     */
    public Optional<AreaLimit> areaLimit(BodyArea area) {
        return areaLimits.stream().filter(l -> l.area() == area).findFirst();
    }

    /**
     * The best-ranked technique, if any technique is recommended.
     *
     * @return the first technique
     */
    public Optional<RankedTechnique> firstTechnique() {
        return techniques.isEmpty() ? Optional.empty() : Optional.of(techniques.get(0));
    }

    /**
     * The recommendation for one technique, if it is recommended.
     *
     * @param technique the technique
     * @return its recommendation, or empty when it is not recommended
     */
    public Optional<RankedTechnique> technique(Technique technique) {
        return techniques.stream().filter(t -> t.technique() == technique).findFirst();
    }

    /**
     * True when the technique is excluded.
     *
     * @param technique the technique
     * @return true when the technique is excluded
     */
    public boolean excludes(Technique technique) {
        return excluded.stream().anyMatch(e -> e.technique() == technique);
    }

    /**
     * True when a warning with this code is present.
     *
     * @param code the warning code
     * @return true when a warning with this code is present
     */
    public boolean warns(WarningCode code) {
        return warns(code.name());
    }

    /**
     * True when the answer carries a warning with this code, built-in or declared by a clinic.
     *
     * @param code the warning code's name
     * @return whether the code is among the warnings
     */
    public boolean warns(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }

    /**
     * Why a claim is made: the rule that made it and what the rule rests on.
     *
     * @param text   the reason in words
     * @param ruleId the id of the rule that made the claim
     * @param sourceId the id of the source the rule rests on (listed in {@link Recommendation#sources()})
     */
    public record Reason(String text, String ruleId, String sourceId) {
        /**
         * Checks and copies the values.
         *
         * @param text the text
         * @param ruleId the rule id
         * @param sourceId the source id
         */
        public Reason {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(sourceId, "sourceId");
        }
    }

    /** A recommended technique, its pressure and why it is recommended. */
    public record RankedTechnique(Technique technique, Pressure pressure, List<Reason> reasons) {
        /**
         * Checks and copies the values.
         *
         * @param technique the technique
         * @param pressure the pressure
         * @param reasons the reasons
         */
        public RankedTechnique {
            Objects.requireNonNull(technique, "technique");
            Objects.requireNonNull(pressure, "pressure");
            reasons = List.copyOf(reasons);
        }
    }

    /** A technique not to use, and why. */
    public record ExcludedTechnique(Technique technique, List<Reason> reasons) {
        /**
         * Checks and copies the values.
         *
         * @param technique the technique
         * @param reasons the reasons
         */
        public ExcludedTechnique {
            Objects.requireNonNull(technique, "technique");
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A warning for the therapist.
     *
     * @param code     what the warning means (fixed per code): a {@link WarningCode} name, or a
     *                 warning code a clinic declared with its rules
     * @param severity how serious it is (fixed per code)
     * @param message  the warning in words
     * @param ruleId   the rule that raised it
     * @param sourceId the id of the source that rule rests on
     */
    public record Warning(String code, Severity severity, String message, String ruleId, String sourceId) {
        /**
         * Checks and copies the values.
         *
         * @param code the code
         * @param severity the severity
         * @param message the message
         * @param ruleId the rule id
         * @param sourceId the source id
         */
        public Warning {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(sourceId, "sourceId");
        }

        /**
         * True when this warning has the built-in code given.
         *
         * @param standard the built-in code
         * @return whether the codes match
         */
        public boolean is(WarningCode standard) {
            return code.equals(standard.name());
        }
    }

    /**
     * An area to work on, and why; with what the rules keep off it, when they restrict it.
     *
     * @param area    the area
     * @param reasons why it is a focus area
     * @param limit   the techniques kept off this area and the most pressure on it, or null when
     *                no rule restricts it (the same entry as in {@link Recommendation#areaLimits()})
     */
    public record FocusArea(BodyArea area, List<Reason> reasons, @Nullable AreaLimit limit) {
        /**
         * A focus area no rule restricts.
         *
         * @param area the area
         * @param reasons the reasons
         */
        public FocusArea(BodyArea area, List<Reason> reasons) {
            this(area, reasons, null);
        }

        /**
         * Checks and copies the values.
         *
         * @param area the area
         * @param reasons the reasons
         * @param limit the area's restrictions, or null
         */
        public FocusArea {
            Objects.requireNonNull(area, "area");
            reasons = List.copyOf(reasons);
            if (limit != null && limit.area() != area) {
                throw new IllegalArgumentException("limit must be for the focus area " + area + ", was for " + limit.area());
            }
        }
    }

    /**
     * What the rules keep off one body area: techniques not to use there, and the most pressure
     * there, each with the reasons of the rules that said so. The rest of the session is not
     * restricted by it.
     *
     * @param area        the area
     * @param keepOff     the techniques not to use on this area, in {@link Technique} order
     * @param maxPressure the most pressure on this area, or null when only techniques are kept off
     * @param reasons     why, from every rule that restricted the area
     */
    public record AreaLimit(BodyArea area, List<Technique> keepOff, @Nullable Pressure maxPressure, List<Reason> reasons) {
        /**
         * Checks and copies the values.
         *
         * @param area the area
         * @param keepOff the techniques kept off it
         * @param maxPressure the most pressure on it, or null
         * @param reasons the reasons
         */
        public AreaLimit {
            Objects.requireNonNull(area, "area");
            keepOff = List.copyOf(keepOff);
            reasons = List.copyOf(reasons);
            if (keepOff.isEmpty() && maxPressure == null) {
                throw new IllegalArgumentException("an area limit keeps a technique off " + area + " or limits its pressure;"
                        + " this one does neither");
            }
        }

        /**
         * True when this area may be worked with the technique at the pressure.
         *
         * @param technique the technique
         * @param pressure  the pressure
         * @return false when the technique is kept off the area or the pressure is above its limit
         */
        public boolean allows(Technique technique, Pressure pressure) {
            return !keepOff.contains(technique) && (maxPressure == null || pressure.compareTo(maxPressure) <= 0);
        }
    }

    /** Why and how urgently a referred client needs medical assessment. */
    public record Referral(Urgency urgency, List<Reason> reasons) {
        /**
         * Checks and copies the values.
         *
         * @param urgency the urgency
         * @param reasons the reasons
         */
        public Referral {
            Objects.requireNonNull(urgency, "urgency");
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * How to run the session and how often.
     *
     * @param steps           the steps in order
     * @param sessionsPerWeek how many sessions a week; null when the sources give no frequency for the case
     */
    public record SessionPlan(List<PlanStep> steps, @Nullable SessionsPerWeek sessionsPerWeek) {
        /**
         * Checks and copies the values.
         *
         * @param steps the steps
         * @param sessionsPerWeek the sessions per week
         */
        public SessionPlan {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of the session plan, with the rule that added it and the source that rule rests on.
     *
     * @param text     the step in words
     * @param ruleId   the rule that added it
     * @param sourceId the id of the source that rule rests on
     */
    public record PlanStep(String text, String ruleId, String sourceId) {
        /**
         * Checks and copies the values.
         *
         * @param text the text
         * @param ruleId the rule id
         * @param sourceId the source id
         */
        public PlanStep {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(sourceId, "sourceId");
        }
    }

    /** A range of sessions per week. */
    public record SessionsPerWeek(int min, int max) {
        /**
         * Checks and copies the values.
         *
         * @param min the min
         * @param max the max
         */
        public SessionsPerWeek {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("sessionsPerWeek must satisfy 0 <= min <= max, was " + min + ".." + max);
            }
        }
    }

    /**
     * A question for the therapist: an input field was not reported, and its answer may be a reason
     * to refer or to hold back. A question never makes an answer less cautious.
     *
     * @param field    the name of the missing input field, as in the JSON input ({@code age}, {@code course})
     * @param text     why it matters, in words a therapist reads
     * @param ruleId   the rule that asks it
     * @param sourceId the id of the source that rule rests on
     */
    public record Question(String field, String text, String ruleId, String sourceId) {
        /**
         * Checks the values.
         *
         * @param field the field
         * @param text the text
         * @param ruleId the rule id
         * @param sourceId the source id
         */
        public Question {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(sourceId, "sourceId");
        }
    }
}
