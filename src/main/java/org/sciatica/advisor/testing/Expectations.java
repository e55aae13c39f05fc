package org.sciatica.advisor.testing;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Recommendation.RankedTechnique;
import org.sciatica.advisor.Recommendation.Reason;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;

/**
 * What each clinical expectation checks, in plain Java: each method returns what was expected and
 * what the rules did instead, or null when the expectation holds. {@link RecommendationAssert}
 * turns these into AssertJ failures; scenario tables and the mutation report use them directly,
 * with no test library on the class path (the command line's {@code --mutation-report}).
 */
final class Expectations {
    private Expectations() {
    }

    static @Nullable String doesNotRefer(Recommendation actual) {
        return actual.disposition() == Disposition.REFER
                ? "Expected massage to go ahead, but the rules referred the client ("
                        + java.util.Objects.requireNonNull(actual.referral(), "a referral").urgency() + ")." : null;
    }

    static @Nullable String isAtLeast(Recommendation actual, Disposition disposition) {
        return actual.disposition().compareTo(disposition) < 0
                ? "Expected at least " + disposition + ", but the disposition was " + actual.disposition() + "." : null;
    }

    static @Nullable String hasDisposition(Recommendation actual, Disposition disposition) {
        return actual.disposition() != disposition
                ? "Expected " + disposition + ", but the disposition was " + actual.disposition() + "." : null;
    }

    static @Nullable String refersWithUrgency(Recommendation actual, Urgency urgency) {
        String referred = hasDisposition(actual, Disposition.REFER);
        if (referred != null) {
            return referred;
        }
        Urgency given = java.util.Objects.requireNonNull(actual.referral(), "a referral").urgency();
        return given != urgency
                ? "Expected a referral with urgency " + urgency + ", but the urgency was " + given + "." : null;
    }

    static @Nullable String recommendsFirst(Recommendation actual, Technique technique) {
        if (actual.techniques().isEmpty()) {
            return "Expected " + technique + " first, but no technique was recommended.";
        }
        Technique first = actual.techniques().get(0).technique();
        return first != technique ? "Expected " + technique + " first, but the rules ranked " + first + " first." : null;
    }

    static @Nullable String doesNotRecommendFirst(Recommendation actual, Technique technique) {
        return !actual.techniques().isEmpty() && actual.techniques().get(0).technique() == technique
                ? "Expected " + technique + " never to be ranked first, but the rules ranked it first." : null;
    }

    static @Nullable String recommends(Recommendation actual, Technique... techniques) {
        for (Technique t : techniques) {
            if (actual.technique(t).isEmpty()) {
                return "Expected " + t + " to be recommended, but it was " + (actual.excludes(t) ? "excluded" : "missing") + ".";
            }
        }
        return null;
    }

    static @Nullable String recommendsNothing(Recommendation actual) {
        return !actual.techniques().isEmpty()
                ? "Expected no technique to be recommended, but the rules recommended " + names(actual.techniques()) + "." : null;
    }

    static @Nullable String excludes(Recommendation actual, Technique... techniques) {
        for (Technique t : techniques) {
            if (!actual.excludes(t)) {
                return "Expected " + t + " to be excluded, but it was recommended.";
            }
        }
        return null;
    }

    static @Nullable String excludesExactly(Recommendation actual, Technique... techniques) {
        Set<Technique> expected = Set.copyOf(Arrays.asList(techniques));
        Set<Technique> excluded = actual.excluded().stream().map(Recommendation.ExcludedTechnique::technique)
                .collect(Collectors.toSet());
        return !expected.equals(excluded)
                ? "Expected exactly " + sorted(expected) + " to be excluded, but the rules excluded " + sorted(excluded) + "." : null;
    }

    static @Nullable String doesNotExclude(Recommendation actual, Technique... techniques) {
        for (Technique t : techniques) {
            if (actual.excludes(t)) {
                return "Expected " + t + " not to be excluded, but it was.";
            }
        }
        return null;
    }

    static @Nullable String ranksAbove(Recommendation actual, Technique higher, Technique lower) {
        int h = rank(actual, higher);
        int l = rank(actual, lower);
        if (h < 0) {
            return "Expected " + higher + " to rank above " + lower + ", but " + higher + " was not recommended.";
        }
        if (l >= 0 && l < h) {
            return "Expected " + higher + " to rank above " + lower + ", but " + lower + " ranked "
                    + ordinal(l) + " and " + higher + " " + ordinal(h) + ".";
        }
        return null;
    }

    static @Nullable String hasPressureAtMost(Recommendation actual, Pressure max) {
        for (RankedTechnique t : actual.techniques()) {
            if (t.pressure().compareTo(max) > 0) {
                return "Expected no pressure above " + max + ", but " + t.technique() + " was given " + t.pressure() + " pressure.";
            }
        }
        return null;
    }

    static @Nullable String hasPressure(Recommendation actual, Technique technique, Pressure pressure) {
        String recommended = recommends(actual, technique);
        if (recommended != null) {
            return recommended;
        }
        Pressure given = actual.technique(technique).orElseThrow().pressure();
        return given != pressure ? "Expected " + technique + " at " + pressure + " pressure, but it was given " + given + "." : null;
    }

    static @Nullable String warns(Recommendation actual, WarningCode... codes) {
        for (WarningCode code : codes) {
            if (!actual.warns(code)) {
                return "Expected the warning " + code + ", but the rules did not raise it.";
            }
        }
        return null;
    }

    static @Nullable String doesNotWarn(Recommendation actual, WarningCode... codes) {
        for (WarningCode code : codes) {
            if (actual.warns(code)) {
                return "Expected no " + code + " warning, but the rules raised it.";
            }
        }
        return null;
    }

    static @Nullable String warns(Recommendation actual, String... codes) {
        for (String code : codes) {
            if (!actual.warns(code)) {
                return "Expected the warning " + code + ", but the rules did not raise it.";
            }
        }
        return null;
    }

    static @Nullable String doesNotWarn(Recommendation actual, String... codes) {
        for (String code : codes) {
            if (actual.warns(code)) {
                return "Expected no " + code + " warning, but the rules raised it.";
            }
        }
        return null;
    }

    static @Nullable String firedRule(Recommendation actual, String... ruleIds) {
        for (String id : ruleIds) {
            if (!actual.firedRules().contains(id)) {
                return "Expected rule " + id + " to fire, but it did not.";
            }
        }
        return null;
    }

    static @Nullable String didNotFire(Recommendation actual, String... ruleIds) {
        for (String id : ruleIds) {
            if (actual.firedRules().contains(id)) {
                return "Expected rule " + id + " not to fire, but it fired.";
            }
        }
        return null;
    }

    static @Nullable String asks(Recommendation actual, String... fields) {
        List<String> asked = actual.questions().stream().map(Recommendation.Question::field).toList();
        for (String field : fields) {
            if (!asked.contains(field)) {
                return "Expected a question about " + field + ", but the answer asked about " + asked + ".";
            }
        }
        return null;
    }

    static @Nullable String asksNothing(Recommendation actual) {
        return actual.questions().isEmpty() ? null
                : "Expected no question, but the answer asked about "
                        + actual.questions().stream().map(Recommendation.Question::field).toList() + ".";
    }

    static @Nullable String firedExactly(Recommendation actual, String... ruleIds) {
        Set<String> expected = new LinkedHashSet<>(Arrays.asList(ruleIds));
        return !expected.equals(Set.copyOf(actual.firedRules()))
                ? "Expected exactly the rules " + expected + " to fire, but " + actual.firedRules() + " fired." : null;
    }

    static @Nullable String focusesOn(Recommendation actual, BodyArea... areas) {
        for (BodyArea area : areas) {
            if (actual.focusAreas().stream().noneMatch(f -> f.area() == area)) {
                return "Expected a focus on " + area + ", but the focus areas were "
                        + actual.focusAreas().stream().map(f -> f.area().name()).toList() + ".";
            }
        }
        return null;
    }

    static @Nullable String doesNotFocusOn(Recommendation actual, BodyArea... areas) {
        for (BodyArea area : areas) {
            if (actual.focusAreas().stream().anyMatch(f -> f.area() == area)) {
                return "Expected no focus on " + area + ", but it was a focus area.";
            }
        }
        return null;
    }

    static @Nullable String hasPlanStepFrom(Recommendation actual, String ruleId) {
        return actual.sessionPlan().steps().stream().noneMatch(s -> s.ruleId().equals(ruleId))
                ? "Expected a session plan step from rule " + ruleId + ", but there was none." : null;
    }

    static @Nullable String hasNoPlanStepFrom(Recommendation actual, String ruleId) {
        return actual.sessionPlan().steps().stream().filter(s -> s.ruleId().equals(ruleId)).findFirst()
                .map(s -> "Expected no session plan step from rule " + ruleId + ", but the plan says: \"" + s.text() + "\"")
                .orElse(null);
    }

    static @Nullable String hasSessionsPerWeek(Recommendation actual, int min, int max) {
        var perWeek = actual.sessionPlan().sessionsPerWeek();
        return perWeek == null || perWeek.min() != min || perWeek.max() != max
                ? "Expected " + min + " to " + max + " sessions a week, but the plan set "
                        + (perWeek == null ? "none" : perWeek.min() + " to " + perWeek.max()) + "." : null;
    }

    static @Nullable String hasNoSessionFrequency(Recommendation actual) {
        var perWeek = actual.sessionPlan().sessionsPerWeek();
        return perWeek != null ? "Expected no sessions-per-week, but the plan set " + perWeek.min() + " to " + perWeek.max() + "."
                : null;
    }

    /** The case and what the rules did, for failure messages. */
    static String explain(@Nullable Assessment assessment, Recommendation actual) {
        StringBuilder s = new StringBuilder();
        if (assessment != null) {
            s.append("  assessment: ").append(assessment.summary()).append('\n');
        }
        s.append("  disposition: ").append(actual.disposition());
        if (actual.referral() != null) {
            s.append(' ').append(actual.referral().urgency()).append(" from ")
                    .append(actual.referral().reasons().stream().map(Reason::ruleId).distinct().collect(Collectors.joining(", ")));
        }
        s.append('\n');
        if (!actual.techniques().isEmpty()) {
            s.append("  ranked:\n");
            for (RankedTechnique t : actual.techniques()) {
                s.append(String.format(Locale.ROOT, "    %-14s %-8s %s%n", t.technique(), t.pressure(), reasons(t.reasons())));
            }
        }
        if (!actual.excluded().isEmpty()) {
            s.append("  excluded:\n");
            for (Recommendation.ExcludedTechnique e : actual.excluded()) {
                s.append(String.format(Locale.ROOT, "    %-14s %s%n", e.technique(), reasons(e.reasons())));
            }
        }
        s.append("  warnings: ").append(actual.warnings().stream().map(w -> w.code() + " (" + w.ruleId() + ")")
                .collect(Collectors.joining(", "))).append('\n');
        s.append("  fired: ").append(String.join(", ", actual.firedRules()));
        return s.toString();
    }

    private static String reasons(List<Reason> reasons) {
        return reasons.stream().map(r -> r.ruleId() + " \"" + r.text() + "\"").collect(Collectors.joining("; "));
    }

    private static int rank(Recommendation actual, Technique t) {
        for (int i = 0; i < actual.techniques().size(); i++) {
            if (actual.techniques().get(i).technique() == t) {
                return i;
            }
        }
        return -1;
    }

    private static String ordinal(int index) {
        return switch (index) {
            case 0 -> "first";
            case 1 -> "second";
            case 2 -> "third";
            case 3 -> "fourth";
            default -> "fifth";
        };
    }

    private static String names(List<RankedTechnique> techniques) {
        return techniques.stream().map(t -> t.technique().name()).collect(Collectors.joining(", "));
    }

    private static List<Technique> sorted(Set<Technique> techniques) {
        return techniques.stream().sorted().toList();
    }
}
