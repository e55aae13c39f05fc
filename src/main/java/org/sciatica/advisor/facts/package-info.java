/**
 * The rule vocabulary: the small facts a rule inserts on its right-hand side. Public, documented
 * API covered by semantic versioning: a clinic's own rule files import this package and
 * {@code org.sciatica.advisor}, never {@code internal}.
 *
 * <p>A rule says one thing with one fact: a {@link org.sciatica.advisor.facts.Support} for a
 * technique (weight 0 to {@link org.sciatica.advisor.facts.Support#MAX_WEIGHT}), an
 * {@link org.sciatica.advisor.facts.Exclusion}, a {@link org.sciatica.advisor.facts.Demotion}
 * (never ranked first), a {@link org.sciatica.advisor.facts.PressureLimit}, an
 * {@link org.sciatica.advisor.facts.Alert} (a warning), a {@link org.sciatica.advisor.facts.Refer}
 * (no massage), a {@link org.sciatica.advisor.facts.Focus} area, a plan
 * {@link org.sciatica.advisor.facts.Step} in a {@link org.sciatica.advisor.facts.Phase}, a
 * {@link org.sciatica.advisor.facts.Frequency}, a {@link org.sciatica.advisor.facts.HandsOff}
 * area, a question to {@link org.sciatica.advisor.facts.Ask} about a field the assessment lacks, or a
 * restriction on one body area: an {@link org.sciatica.advisor.facts.AreaRestriction} (a technique
 * kept off that area) or an {@link org.sciatica.advisor.facts.AreaPressureLimit} (the most pressure
 * on it). The engine records which rule inserted each fact, so a fact never repeats its rule's id;
 * Java (not the rules) ranks, de-duplicates and words the final answer.
 *
 * <p>Facts are append-only: a rule inserts them and never modifies or retracts them. Every
 * constructor checks its arguments and names the argument it rejects.
 */
@NullMarked
package org.sciatica.advisor.facts;

import org.jspecify.annotations.NullMarked;
