package org.sciatica.advisor.testing;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

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
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fluent, clinical assertions on a {@link Recommendation}. Every failure message starts with what
 * was expected, then shows the case and what the rules did, with rule ids and reasons.
 */
public final class RecommendationAssert extends AbstractAssert<RecommendationAssert, Recommendation> {
    /** The assessment, when known (it is not for a bare recommendation), for failure messages. */
    private final @Nullable Assessment assessment;

    RecommendationAssert(Recommendation actual, @Nullable Assessment assessment) {
        super(actual, RecommendationAssert.class);
        this.assessment = assessment;
    }

    // ---- disposition ----

    /**
     * The client is referred on, not massaged.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert refers() {
        return hasDisposition(Disposition.REFER);
    }

    /**
     * The client is referred with this urgency.
     *
     * @param urgency the expected urgency
     * @return this assertion, for chaining
     */
    public RecommendationAssert refersWithUrgency(Urgency urgency) {
        refers();
        Urgency actualUrgency = referral().urgency();
        if (actualUrgency != urgency) {
            fail("Expected a referral with urgency " + urgency + ", but the urgency was " + actualUrgency + ".");
        }
        return this;
    }

    /**
     * Massage may go ahead with no caution.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert proceeds() {
        return hasDisposition(Disposition.PROCEED);
    }

    /**
     * Massage may go ahead, with caution.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert proceedsWithCaution() {
        return hasDisposition(Disposition.PROCEED_WITH_CAUTION);
    }

    /**
     * Massage may go ahead (with or without caution): the client is not referred.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotRefer() {
        isNotNull();
        if (actual.disposition() == Disposition.REFER) {
            fail("Expected massage to go ahead, but the rules referred the client (" + referral().urgency() + ").");
        }
        return this;
    }

    /**
     * At least this cautious: {@code PROCEED < PROCEED_WITH_CAUTION < REFER}.
     *
     * @param disposition the disposition
     * @return this assertion, for chaining
     */
    public RecommendationAssert isAtLeast(Disposition disposition) {
        isNotNull();
        if (actual.disposition().compareTo(disposition) < 0) {
            fail("Expected at least " + disposition + ", but the disposition was " + actual.disposition() + ".");
        }
        return this;
    }

    /**
     * Has disposition.
     *
     * @param disposition the disposition
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasDisposition(Disposition disposition) {
        isNotNull();
        if (actual.disposition() != disposition) {
            fail("Expected " + disposition + ", but the disposition was " + actual.disposition() + ".");
        }
        return this;
    }

    // ---- techniques ----

    /**
     * This technique is ranked first.
     *
     * @param technique the technique
     * @return this assertion, for chaining
     */
    public RecommendationAssert recommendsFirst(Technique technique) {
        isNotNull();
        if (actual.techniques().isEmpty()) {
            fail("Expected " + technique + " first, but no technique was recommended.");
        } else if (actual.techniques().get(0).technique() != technique) {
            fail("Expected " + technique + " first, but the rules ranked " + actual.techniques().get(0).technique() + " first.");
        }
        return this;
    }

    /**
     * This technique is not ranked first (it may be recommended lower down, or not at all).
     *
     * @param technique the technique
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotRecommendFirst(Technique technique) {
        isNotNull();
        if (!actual.techniques().isEmpty() && actual.techniques().get(0).technique() == technique) {
            fail("Expected " + technique + " never to be ranked first, but the rules ranked it first.");
        }
        return this;
    }

    /**
     * These techniques are recommended (in any position).
     *
     * @param techniques the techniques
     * @return this assertion, for chaining
     */
    public RecommendationAssert recommends(Technique... techniques) {
        isNotNull();
        for (Technique t : techniques) {
            if (actual.technique(t).isEmpty()) {
                fail("Expected " + t + " to be recommended, but it was " + (actual.excludes(t) ? "excluded" : "missing") + ".");
            }
        }
        return this;
    }

    /**
     * No technique is recommended.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert recommendsNothing() {
        isNotNull();
        if (!actual.techniques().isEmpty()) {
            fail("Expected no technique to be recommended, but the rules recommended " + names(actual.techniques()) + ".");
        }
        return this;
    }

    /**
     * These techniques are excluded.
     *
     * @param techniques the techniques
     * @return this assertion, for chaining
     */
    public RecommendationAssert excludes(Technique... techniques) {
        isNotNull();
        for (Technique t : techniques) {
            if (!actual.excludes(t)) {
                fail("Expected " + t + " to be excluded, but it was recommended.");
            }
        }
        return this;
    }

    /**
     * Exactly these techniques are excluded.
     *
     * @param techniques the techniques
     * @return this assertion, for chaining
     */
    public RecommendationAssert excludesExactly(Technique... techniques) {
        isNotNull();
        Set<Technique> expected = Set.copyOf(Arrays.asList(techniques));
        Set<Technique> excluded = actual.excluded().stream().map(Recommendation.ExcludedTechnique::technique)
                .collect(Collectors.toSet());
        if (!expected.equals(excluded)) {
            fail("Expected exactly " + sorted(expected) + " to be excluded, but the rules excluded " + sorted(excluded) + ".");
        }
        return this;
    }

    /**
     * These techniques are not excluded.
     *
     * @param techniques the techniques
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotExclude(Technique... techniques) {
        isNotNull();
        for (Technique t : techniques) {
            if (actual.excludes(t)) {
                fail("Expected " + t + " not to be excluded, but it was.");
            }
        }
        return this;
    }

    /**
     * {@code higher} is recommended and ranked above {@code lower} (or {@code lower} is excluded).
     *
     * @param higher the technique expected higher
     * @param lower the technique expected lower
     * @return this assertion, for chaining
     */
    public RecommendationAssert ranksAbove(Technique higher, Technique lower) {
        isNotNull();
        int h = rank(higher);
        int l = rank(lower);
        if (h < 0) {
            fail("Expected " + higher + " to rank above " + lower + ", but " + higher + " was not recommended.");
        } else if (l >= 0 && l < h) {
            fail("Expected " + higher + " to rank above " + lower + ", but " + lower + " ranked "
                    + ordinal(l) + " and " + higher + " " + ordinal(h) + ".");
        }
        return this;
    }

    /**
     * No recommended technique uses more than this pressure.
     *
     * @param max the highest pressure allowed
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasPressureAtMost(Pressure max) {
        isNotNull();
        for (RankedTechnique t : actual.techniques()) {
            if (t.pressure().compareTo(max) > 0) {
                fail("Expected no pressure above " + max + ", but " + t.technique() + " was given " + t.pressure() + " pressure.");
            }
        }
        return this;
    }

    /**
     * This technique is recommended with this pressure.
     *
     * @param technique the technique
     * @param pressure the expected pressure
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasPressure(Technique technique, Pressure pressure) {
        recommends(technique);
        Pressure given = actual.technique(technique).orElseThrow().pressure();
        if (given != pressure) {
            fail("Expected " + technique + " at " + pressure + " pressure, but it was given " + given + ".");
        }
        return this;
    }

    /** The referral of a referred answer (present exactly when the disposition is REFER). */
    private Recommendation.Referral referral() {
        return Objects.requireNonNull(actual.referral(), "a referred answer has a referral");
    }

    // ---- warnings ----

    /**
     * These warnings are present.
     *
     * @param codes the warning codes
     * @return this assertion, for chaining
     */
    public RecommendationAssert warns(WarningCode... codes) {
        isNotNull();
        for (WarningCode code : codes) {
            if (!actual.warns(code)) {
                fail("Expected the warning " + code + ", but the rules did not raise it.");
            }
        }
        return this;
    }

    /**
     * These warnings are absent.
     *
     * @param codes the warning codes
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotWarn(WarningCode... codes) {
        isNotNull();
        for (WarningCode code : codes) {
            if (actual.warns(code)) {
                fail("Expected no " + code + " warning, but the rules raised it.");
            }
        }
        return this;
    }

    /**
     * These warnings are present, by code name: built-in codes or codes a clinic declared with
     * its rules (for example {@code LYMPHEDEMA_CARE}).
     *
     * @param codes the warning codes' names
     * @return this assertion, for chaining
     */
    public RecommendationAssert warns(String... codes) {
        isNotNull();
        for (String code : codes) {
            if (!actual.warns(code)) {
                fail("Expected the warning " + code + ", but the rules did not raise it.");
            }
        }
        return this;
    }

    /**
     * These warnings are absent, by code name (built-in or declared by a clinic).
     *
     * @param codes the warning codes' names
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotWarn(String... codes) {
        isNotNull();
        for (String code : codes) {
            if (actual.warns(code)) {
                fail("Expected no " + code + " warning, but the rules raised it.");
            }
        }
        return this;
    }

    // ---- rules ----

    /**
     * These rules fired.
     *
     * @param ruleIds the rule ids
     * @return this assertion, for chaining
     */
    public RecommendationAssert firedRule(String... ruleIds) {
        isNotNull();
        for (String id : ruleIds) {
            if (!actual.firedRules().contains(id)) {
                fail("Expected rule " + id + " to fire, but it did not.");
            }
        }
        return this;
    }

    /**
     * These rules did not fire.
     *
     * @param ruleIds the rule ids
     * @return this assertion, for chaining
     */
    public RecommendationAssert didNotFire(String... ruleIds) {
        isNotNull();
        for (String id : ruleIds) {
            if (actual.firedRules().contains(id)) {
                fail("Expected rule " + id + " not to fire, but it fired.");
            }
        }
        return this;
    }

    /**
     * Exactly these rules fired, in any order.
     *
     * @param ruleIds the rule ids
     * @return this assertion, for chaining
     */
    public RecommendationAssert firedExactly(String... ruleIds) {
        isNotNull();
        Set<String> expected = new LinkedHashSet<>(Arrays.asList(ruleIds));
        if (!expected.equals(Set.copyOf(actual.firedRules()))) {
            fail("Expected exactly the rules " + expected + " to fire, but " + actual.firedRules() + " fired.");
        }
        return this;
    }

    // ---- focus and plan ----

    /**
     * These areas are focus areas.
     *
     * @param areas the body areas
     * @return this assertion, for chaining
     */
    public RecommendationAssert focusesOn(BodyArea... areas) {
        isNotNull();
        for (BodyArea area : areas) {
            if (actual.focusAreas().stream().noneMatch(f -> f.area() == area)) {
                fail("Expected a focus on " + area + ", but the focus areas were "
                        + actual.focusAreas().stream().map(f -> f.area().name()).toList() + ".");
            }
        }
        return this;
    }

    /**
     * These areas are not focus areas.
     *
     * @param areas the body areas
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotFocusOn(BodyArea... areas) {
        isNotNull();
        for (BodyArea area : areas) {
            if (actual.focusAreas().stream().anyMatch(f -> f.area() == area)) {
                fail("Expected no focus on " + area + ", but it was a focus area.");
            }
        }
        return this;
    }

    /**
     * The session plan has a step added by this rule.
     *
     * @param ruleId the rule id
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasPlanStepFrom(String ruleId) {
        isNotNull();
        if (actual.sessionPlan().steps().stream().noneMatch(s -> s.ruleId().equals(ruleId))) {
            fail("Expected a session plan step from rule " + ruleId + ", but there was none.");
        }
        return this;
    }

    /**
     * No session plan step comes from this rule (for example: a referred client gets no plan).
     *
     * @param ruleId the rule id
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasNoPlanStepFrom(String ruleId) {
        isNotNull();
        actual.sessionPlan().steps().stream().filter(s -> s.ruleId().equals(ruleId)).findFirst().ifPresent(s ->
                fail("Expected no session plan step from rule " + ruleId + ", but the plan says: \"" + s.text() + "\""));
        return this;
    }

    /**
     * The plan sets this many sessions a week.
     *
     * @param min the fewest sessions
     * @param max the highest pressure allowed
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasSessionsPerWeek(int min, int max) {
        isNotNull();
        var perWeek = actual.sessionPlan().sessionsPerWeek();
        if (perWeek == null || perWeek.min() != min || perWeek.max() != max) {
            fail("Expected " + min + " to " + max + " sessions a week, but the plan set "
                    + (perWeek == null ? "none" : perWeek.min() + " to " + perWeek.max()) + ".");
        }
        return this;
    }

    /**
     * The plan sets no frequency.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasNoSessionFrequency() {
        isNotNull();
        var perWeek = actual.sessionPlan().sessionsPerWeek();
        if (perWeek != null) {
            fail("Expected no sessions-per-week, but the plan set " + perWeek.min() + " to " + perWeek.max() + ".");
        }
        return this;
    }

    // ---- the explanation ----

    private void fail(String expectation) {
        failWithMessage("%s", expectation + "\n" + explain());
    }

    /** The case and what the rules did, for failure messages. */
    String explain() {
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

    private int rank(Technique t) {
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
