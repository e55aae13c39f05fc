package org.sciatica.advisor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.ImpactReport.Kind;
import org.sciatica.advisor.Recommendation.ExcludedTechnique;
import org.sciatica.advisor.Recommendation.FocusArea;
import org.sciatica.advisor.Recommendation.PlanStep;
import org.sciatica.advisor.Recommendation.RankedTechnique;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.Recommendation.Warning;

/**
 * The comparison of two answers to one assessment: the one place that decides what changed, in
 * which {@link Kind}, whether it is less cautious, and which rules are behind it. Works on
 * {@link Recommendation}'s public accessors only.
 */
final class AnswerDiff {
    private static final String NONE = "none";

    /**
     * One kind of change in one answer.
     *
     * @param kind         the kind
     * @param lessCautious true when this change makes the candidate's answer less cautious
     * @param ruleIds      the rules behind it, in no particular order
     * @param before       the baseline's value in this kind
     * @param after        the candidate's value in this kind
     */
    record Finding(Kind kind, boolean lessCautious, Set<String> ruleIds, String before, String after) {
    }

    private AnswerDiff() {
    }

    /** What changed from {@code before} (the baseline's answer) to {@code after} (the candidate's), in {@link Kind} order. */
    static List<Finding> compare(Recommendation before, Recommendation after) {
        List<Finding> findings = new ArrayList<>();
        Set<String> onlyBefore = minus(before.firedRules(), after.firedRules());
        Set<String> onlyAfter = minus(after.firedRules(), before.firedRules());
        Set<String> fired = union(onlyBefore, onlyAfter);

        Set<String> codesBefore = codes(before);
        Set<String> codesAfter = codes(after);
        Set<String> added = minus(codesAfter, codesBefore);
        Set<String> removed = minus(codesBefore, codesAfter);

        if (before.disposition() != after.disposition()) {
            Set<String> rules = union(fired, changedReasons(referralReasons(before), referralReasons(after)));
            rules.addAll(warningRules(before, removed));
            rules.addAll(warningRules(after, added));
            findings.add(new Finding(Kind.DISPOSITION, after.disposition().compareTo(before.disposition()) < 0, rules,
                    before.disposition().name(), after.disposition().name()));
        }
        if (before.referral() != null && after.referral() != null && before.referral().urgency() != after.referral().urgency()) {
            Urgency was = before.referral().urgency();
            Urgency is = after.referral().urgency();
            findings.add(new Finding(Kind.URGENCY, is.compareTo(was) < 0,
                    union(fired, changedReasons(before.referral().reasons(), after.referral().reasons())), was.name(), is.name()));
        }
        Technique firstBefore = before.firstTechnique().map(RankedTechnique::technique).orElse(null);
        Technique firstAfter = after.firstTechnique().map(RankedTechnique::technique).orElse(null);
        if (firstBefore != firstAfter) {
            Set<String> rules = new LinkedHashSet<>(fired);
            for (Technique t : new Technique[] {firstBefore, firstAfter}) {
                if (t != null) {
                    rules.addAll(changedReasons(techniqueReasons(before, t), techniqueReasons(after, t)));
                }
            }
            findings.add(new Finding(Kind.FIRST_TECHNIQUE, false, rules, name(firstBefore), name(firstAfter)));
        }

        Set<Technique> excludedBefore = excluded(before);
        Set<Technique> excludedAfter = excluded(after);
        Set<Technique> nowExcluded = minus(excludedAfter, excludedBefore);
        Set<Technique> nowAllowed = minus(excludedBefore, excludedAfter);
        if (!nowExcluded.isEmpty()) {
            findings.add(new Finding(Kind.TECHNIQUE_EXCLUDED, false, union(fired, exclusionRules(after, nowExcluded)),
                    list(excludedBefore), list(excludedAfter)));
        }
        if (!nowAllowed.isEmpty()) {
            findings.add(new Finding(Kind.TECHNIQUE_ALLOWED, true, union(fired, exclusionRules(before, nowAllowed)),
                    list(excludedBefore), list(excludedAfter)));
        }

        pressures(before, after, fired, findings);

        if (!added.isEmpty()) {
            findings.add(new Finding(Kind.WARNING_ADDED, false, union(fired, warningRules(after, added)),
                    list(codesBefore), list(codesAfter)));
        }
        if (!removed.isEmpty()) {
            boolean lessCautious = removed.stream().anyMatch(code ->
                    !(code.equals(WarningCode.NO_DIRECT_NERVE_PRESSURE.name()) && after.disposition() == Disposition.REFER));
            findings.add(new Finding(Kind.WARNING_REMOVED, lessCautious, union(fired, warningRules(before, removed)),
                    list(codesBefore), list(codesAfter)));
        }

        Map<BodyArea, List<Reason>> areasBefore = areas(before);
        Map<BodyArea, List<Reason>> areasAfter = areas(after);
        boolean limitsChanged = !before.areaLimits().equals(after.areaLimits());
        if (!areasBefore.keySet().equals(areasAfter.keySet()) || limitsChanged) {
            Set<String> rules = new LinkedHashSet<>(fired);
            for (BodyArea area : union(areasBefore.keySet(), areasAfter.keySet())) {
                rules.addAll(changedReasons(areasBefore.getOrDefault(area, List.of()), areasAfter.getOrDefault(area, List.of())));
            }
            // Restrictions on single areas travel with the focus areas: lifting one is less cautious.
            boolean lifted = false;
            for (Recommendation.AreaLimit limit : union(before.areaLimits(), after.areaLimits())) {
                if (!before.areaLimits().contains(limit) || !after.areaLimits().contains(limit)) {
                    limit.reasons().forEach(reason -> rules.add(reason.ruleId()));
                }
            }
            for (Recommendation.AreaLimit limit : before.areaLimits()) {
                Recommendation.AreaLimit now = after.areaLimit(limit.area()).orElse(null);
                lifted |= after.disposition() != Disposition.REFER && (now == null || !now.keepOff().containsAll(limit.keepOff())
                        || limit.maxPressure() != null && (now.maxPressure() == null || now.maxPressure().compareTo(limit.maxPressure()) > 0));
            }
            findings.add(new Finding(Kind.FOCUS_AREAS, lifted, rules, areasText(before, areasBefore.keySet()),
                    areasText(after, areasAfter.keySet())));
        }

        Recommendation.SessionPlan planBefore = before.sessionPlan();
        Recommendation.SessionPlan planAfter = after.sessionPlan();
        if (!planBefore.steps().equals(planAfter.steps())
                || !Objects.equals(planBefore.sessionsPerWeek(), planAfter.sessionsPerWeek())) {
            Set<String> rules = new LinkedHashSet<>(fired);
            rules.addAll(stepRules(minus(planBefore.steps(), planAfter.steps())));
            rules.addAll(stepRules(minus(planAfter.steps(), planBefore.steps())));
            findings.add(new Finding(Kind.PLAN, false, rules, plan(planBefore), plan(planAfter)));
        }

        if (!fired.isEmpty()) {
            findings.add(new Finding(Kind.RULES_FIRED, false, fired, list(onlyBefore), list(onlyAfter)));
        }
        return findings;
    }

    /** Pressure raised or lowered, for the techniques both answers recommend. */
    private static void pressures(Recommendation before, Recommendation after, Set<String> fired, List<Finding> findings) {
        List<String> wasRaised = new ArrayList<>();
        List<String> isRaised = new ArrayList<>();
        List<String> wasLowered = new ArrayList<>();
        List<String> isLowered = new ArrayList<>();
        Set<String> raisedRules = new LinkedHashSet<>(fired);
        Set<String> loweredRules = new LinkedHashSet<>(fired);
        for (Technique t : Technique.values()) {
            RankedTechnique was = before.technique(t).orElse(null);
            RankedTechnique is = after.technique(t).orElse(null);
            if (was == null || is == null || was.pressure() == is.pressure()) {
                continue;
            }
            boolean raised = is.pressure().compareTo(was.pressure()) > 0;
            (raised ? wasRaised : wasLowered).add(t + " " + was.pressure());
            (raised ? isRaised : isLowered).add(t + " " + is.pressure());
            (raised ? raisedRules : loweredRules).addAll(changedReasons(was.reasons(), is.reasons()));
        }
        if (!wasRaised.isEmpty()) {
            findings.add(new Finding(Kind.PRESSURE_RAISED, true, raisedRules, String.join(", ", wasRaised), String.join(", ", isRaised)));
        }
        if (!wasLowered.isEmpty()) {
            findings.add(new Finding(Kind.PRESSURE_LOWERED, false, loweredRules, String.join(", ", wasLowered), String.join(", ", isLowered)));
        }
    }

    /** The warning codes of an answer, in a fixed order: built-in codes as the enum lists them, then clinic codes by name. */
    private static Set<String> codes(Recommendation r) {
        Set<String> codes = new java.util.TreeSet<>(AnswerDiff::compareCodes);
        r.warnings().forEach(w -> codes.add(w.code()));
        return codes;
    }

    private static int compareCodes(String a, String b) {
        int ia = builtInIndex(a);
        int ib = builtInIndex(b);
        return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
    }

    private static int builtInIndex(String code) {
        for (WarningCode c : WarningCode.values()) {
            if (c.name().equals(code)) {
                return c.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Set<String> warningRules(Recommendation r, Set<String> codes) {
        return r.warnings().stream().filter(w -> codes.contains(w.code())).map(Warning::ruleId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<Reason> referralReasons(Recommendation r) {
        return r.referral() == null ? List.of() : r.referral().reasons();
    }

    /** Why a technique is where it is in this answer: its ranking reasons, or its exclusion reasons. */
    private static List<Reason> techniqueReasons(Recommendation r, Technique t) {
        return r.technique(t).map(RankedTechnique::reasons).orElseGet(() -> r.excluded().stream()
                .filter(e -> e.technique() == t).findFirst().map(ExcludedTechnique::reasons).orElse(List.of()));
    }

    private static Set<Technique> excluded(Recommendation r) {
        EnumSet<Technique> excluded = EnumSet.noneOf(Technique.class);
        r.excluded().forEach(e -> excluded.add(e.technique()));
        return excluded;
    }

    private static Set<String> exclusionRules(Recommendation r, Set<Technique> techniques) {
        Set<String> rules = new LinkedHashSet<>();
        for (ExcludedTechnique e : r.excluded()) {
            if (techniques.contains(e.technique())) {
                e.reasons().forEach(reason -> rules.add(reason.ruleId()));
            }
        }
        return rules;
    }

    /** The focus areas, then any restriction on single areas ("IT_BAND: no DEEP_TISSUE, at most LIGHT"). */
    private static String areasText(Recommendation r, Set<BodyArea> areas) {
        String text = list(areas);
        if (r.areaLimits().isEmpty()) {
            return text;
        }
        return text + "; restricted: " + r.areaLimits().stream().map(l -> l.area() + ":"
                + (l.keepOff().isEmpty() ? "" : " no " + list(l.keepOff()))
                + (l.maxPressure() == null ? "" : (l.keepOff().isEmpty() ? "" : ",") + " at most " + l.maxPressure()))
                .collect(Collectors.joining("; "));
    }

    private static Map<BodyArea, List<Reason>> areas(Recommendation r) {
        Map<BodyArea, List<Reason>> areas = new EnumMap<>(BodyArea.class);
        for (FocusArea area : r.focusAreas()) {
            areas.put(area.area(), area.reasons());
        }
        return areas;
    }

    private static Set<String> stepRules(Collection<PlanStep> steps) {
        return steps.stream().map(PlanStep::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String plan(Recommendation.SessionPlan plan) {
        String steps = plan.steps().isEmpty() ? "no steps"
                : "steps " + plan.steps().stream().map(PlanStep::ruleId).collect(Collectors.joining(", "));
        Recommendation.SessionsPerWeek perWeek = plan.sessionsPerWeek();
        String frequency = perWeek == null ? "no sessions per week"
                : perWeek.min() == perWeek.max() ? perWeek.min() + " a week" : perWeek.min() + " to " + perWeek.max() + " a week";
        return steps + "; " + frequency;
    }

    /** The rule ids of the reasons present in one list and not the other. */
    private static Set<String> changedReasons(List<Reason> before, List<Reason> after) {
        Set<String> rules = new LinkedHashSet<>();
        minus(before, after).forEach(r -> rules.add(r.ruleId()));
        minus(after, before).forEach(r -> rules.add(r.ruleId()));
        return rules;
    }

    private static <T> Set<T> minus(Collection<T> a, Collection<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b instanceof Set<T> set ? set : new LinkedHashSet<>(b));
        return result;
    }

    private static <T> Set<T> union(Collection<T> a, Collection<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static String name(@Nullable Technique t) {
        return t == null ? NONE : t.name();
    }

    private static String list(Collection<?> values) {
        return values.isEmpty() ? NONE : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
