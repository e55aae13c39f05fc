package org.sciatica.advisor.testing;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.Urgency;
import org.sciatica.advisor.WarningCode;

/**
 * Fluent, clinical assertions on a {@link Recommendation}. Every failure message starts with what
 * was expected, then shows the case and what the rules did, with rule ids and reasons.
 */
public final class RecommendationAssert extends AbstractAssert<RecommendationAssert, Recommendation> {
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
        isNotNull();
        return check(Expectations.refersWithUrgency(actual, urgency));
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
        return check(Expectations.doesNotRefer(actual));
    }

    /**
     * At least this cautious: {@code PROCEED < PROCEED_WITH_CAUTION < REFER}.
     *
     * @param disposition the disposition
     * @return this assertion, for chaining
     */
    public RecommendationAssert isAtLeast(Disposition disposition) {
        isNotNull();
        return check(Expectations.isAtLeast(actual, disposition));
    }

    /**
     * Has disposition.
     *
     * @param disposition the disposition
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasDisposition(Disposition disposition) {
        isNotNull();
        return check(Expectations.hasDisposition(actual, disposition));
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
        return check(Expectations.recommendsFirst(actual, technique));
    }

    /**
     * This technique is not ranked first (it may be recommended lower down, or not at all).
     *
     * @param technique the technique
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotRecommendFirst(Technique technique) {
        isNotNull();
        return check(Expectations.doesNotRecommendFirst(actual, technique));
    }

    /**
     * These techniques are recommended (in any position).
     *
     * @param techniques the techniques
     * @return this assertion, for chaining
     */
    public RecommendationAssert recommends(Technique... techniques) {
        isNotNull();
        return check(Expectations.recommends(actual, techniques));
    }

    /**
     * No technique is recommended.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert recommendsNothing() {
        isNotNull();
        return check(Expectations.recommendsNothing(actual));
    }

    /**
     * These techniques are excluded.
     *
     * @param techniques the techniques
     * @return this assertion, for chaining
     */
    public RecommendationAssert excludes(Technique... techniques) {
        isNotNull();
        return check(Expectations.excludes(actual, techniques));
    }

    /**
     * Exactly these techniques are excluded.
     *
     * @param techniques the techniques
     * @return this assertion, for chaining
     */
    public RecommendationAssert excludesExactly(Technique... techniques) {
        isNotNull();
        return check(Expectations.excludesExactly(actual, techniques));
    }

    /**
     * These techniques are not excluded.
     *
     * @param techniques the techniques
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotExclude(Technique... techniques) {
        isNotNull();
        return check(Expectations.doesNotExclude(actual, techniques));
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
        return check(Expectations.ranksAbove(actual, higher, lower));
    }

    /**
     * No recommended technique uses more than this pressure.
     *
     * @param max the highest pressure allowed
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasPressureAtMost(Pressure max) {
        isNotNull();
        return check(Expectations.hasPressureAtMost(actual, max));
    }

    /**
     * This technique is recommended with this pressure.
     *
     * @param technique the technique
     * @param pressure the expected pressure
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasPressure(Technique technique, Pressure pressure) {
        isNotNull();
        return check(Expectations.hasPressure(actual, technique, pressure));
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
        return check(Expectations.warns(actual, codes));
    }

    /**
     * These warnings are absent.
     *
     * @param codes the warning codes
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotWarn(WarningCode... codes) {
        isNotNull();
        return check(Expectations.doesNotWarn(actual, codes));
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
        return check(Expectations.warns(actual, codes));
    }

    /**
     * These warnings are absent, by code name (built-in or declared by a clinic).
     *
     * @param codes the warning codes' names
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotWarn(String... codes) {
        isNotNull();
        return check(Expectations.doesNotWarn(actual, codes));
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
        return check(Expectations.firedRule(actual, ruleIds));
    }

    /**
     * The answer asks the therapist about these input fields ({@code age}, {@code course}).
     *
     * @param fields the input fields' names
     * @return this assertion, for chaining
     */
    public RecommendationAssert asks(String... fields) {
        isNotNull();
        return check(Expectations.asks(actual, fields));
    }

    /**
     * The answer asks the therapist nothing: no input field it needs is missing.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert asksNothing() {
        isNotNull();
        return check(Expectations.asksNothing(actual));
    }

    /**
     * These rules did not fire.
     *
     * @param ruleIds the rule ids
     * @return this assertion, for chaining
     */
    public RecommendationAssert didNotFire(String... ruleIds) {
        isNotNull();
        return check(Expectations.didNotFire(actual, ruleIds));
    }

    /**
     * Exactly these rules fired, in any order.
     *
     * @param ruleIds the rule ids
     * @return this assertion, for chaining
     */
    public RecommendationAssert firedExactly(String... ruleIds) {
        isNotNull();
        return check(Expectations.firedExactly(actual, ruleIds));
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
        return check(Expectations.focusesOn(actual, areas));
    }

    /**
     * These areas are not focus areas.
     *
     * @param areas the body areas
     * @return this assertion, for chaining
     */
    public RecommendationAssert doesNotFocusOn(BodyArea... areas) {
        isNotNull();
        return check(Expectations.doesNotFocusOn(actual, areas));
    }

    /**
     * The session plan has a step added by this rule.
     *
     * @param ruleId the rule id
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasPlanStepFrom(String ruleId) {
        isNotNull();
        return check(Expectations.hasPlanStepFrom(actual, ruleId));
    }

    /**
     * No session plan step comes from this rule (for example: a referred client gets no plan).
     *
     * @param ruleId the rule id
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasNoPlanStepFrom(String ruleId) {
        isNotNull();
        return check(Expectations.hasNoPlanStepFrom(actual, ruleId));
    }

    /**
     * The plan sets this many sessions a week.
     *
     * @param min the fewest sessions
     * @param max the most sessions
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasSessionsPerWeek(int min, int max) {
        isNotNull();
        return check(Expectations.hasSessionsPerWeek(actual, min, max));
    }

    /**
     * The plan sets no frequency.
     *
     * @return this assertion, for chaining
     */
    public RecommendationAssert hasNoSessionFrequency() {
        isNotNull();
        return check(Expectations.hasNoSessionFrequency(actual));
    }

    // ---- the explanation ----

    private RecommendationAssert check(@Nullable String failure) {
        if (failure != null) {
            failWithMessage("%s", failure + "\n" + explain());
        }
        return this;
    }

    /** The case and what the rules did, for failure messages. */
    String explain() {
        return Expectations.explain(assessment, actual);
    }
}
