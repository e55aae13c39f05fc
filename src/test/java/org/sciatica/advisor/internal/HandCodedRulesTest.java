package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Disposition;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.Urgency;

/**
 * The benchmarks' hand-coded baseline must decide exactly as the rules do, or its timing means
 * nothing. It is compared by decision, not by wording: the baseline's texts are placeholders, so a
 * clinician who rewords a reason in a rule file changes nothing here.
 */
class HandCodedRulesTest {

    @Test
    void theBaselineDecidesExactlyAsTheRulesOnTheBenchmarkMix() {
        Engine engine = Engine.compile(RuleFile.bundled());
        HandCodedRules baseline = new HandCodedRules(engine);
        for (Assessment a : BenchmarkMix.assessments()) {
            assertThat(Decisions.of(baseline.advise(a))).as(a.summary())
                    .isEqualTo(Decisions.of(engine.advise(a, HandCodedRules.AS_OF)));
        }
    }

    @Test
    void theBaselineWordsNothingAsTheRulesDoYetDecidesTheSame() {
        Engine engine = Engine.compile(RuleFile.bundled());
        Assessment a = BenchmarkMix.assessments().get(0);
        Recommendation rules = engine.advise(a, HandCodedRules.AS_OF);
        Recommendation baseline = new HandCodedRules(engine).advise(a);
        assertThat(baseline).as("the baseline does not restate the rules' wording").isNotEqualTo(rules);
        assertThat(Decisions.of(baseline)).isEqualTo(Decisions.of(rules));
    }

    @Test
    void aChangedPressureIsADifferentDecision() {
        Engine engine = Engine.compile(RuleFile.bundled());
        Recommendation answer = engine.advise(BenchmarkMix.assessments().get(0), HandCodedRules.AS_OF);
        Recommendation.RankedTechnique first = answer.techniques().get(0);
        List<Recommendation.RankedTechnique> lighter = new java.util.ArrayList<>(answer.techniques());
        lighter.set(0, new Recommendation.RankedTechnique(first.technique(),
                first.pressure() == Pressure.LIGHT ? Pressure.MODERATE : Pressure.LIGHT, first.reasons()));
        Recommendation changed = new Recommendation(answer.id(), answer.disposition(), answer.referral(), lighter,
                answer.excluded(), answer.warnings(), answer.focusAreas(), answer.sessionPlan(), answer.firedRules(),
                answer.questions(), answer.sources(), answer.rulesVersion(), answer.asOf(), answer.areaLimits());
        assertThat(Decisions.of(changed)).isNotEqualTo(Decisions.of(answer));
    }

    /**
     * What an answer decides, without its wording: disposition and urgency; the ranked techniques
     * with their pressure; what is excluded; the warnings; the focus areas; the plan's steps and
     * frequency; and, for each of them, which rules said so. Where the answer orders items of equal
     * rank by their text (reasons of one rule, warnings of one severity, steps of one phase), the
     * items are compared in a fixed order instead.
     */
    record Decisions(Disposition disposition, Urgency urgency, List<String> referralRules,
                     List<String> techniques, List<String> excluded, List<String> warnings, List<String> focusAreas,
                     List<String> planSteps, String sessionsPerWeek, List<String> firedRules, List<String> sources) {

        static Decisions of(Recommendation r) {
            return new Decisions(r.disposition(), r.referral() == null ? null : r.referral().urgency(),
                    r.referral() == null ? List.of() : rules(r.referral().reasons()),
                    r.techniques().stream().map(t -> t.technique() + " " + t.pressure() + " " + rules(t.reasons())).toList(),
                    r.excluded().stream().map(t -> t.technique() + " " + rules(t.reasons())).toList(),
                    r.warnings().stream().map(w -> w.severity() + " " + w.code() + " " + w.ruleId() + " " + w.sourceId())
                            .sorted().toList(),
                    r.focusAreas().stream().map(f -> f.area() + " " + rules(f.reasons())).toList(),
                    r.sessionPlan().steps().stream().map(s -> s.ruleId() + " " + s.sourceId()).sorted().toList(),
                    String.valueOf(r.sessionPlan().sessionsPerWeek()),
                    r.firedRules(),
                    r.sources().stream().map(org.sciatica.advisor.Source::id).sorted().toList());
        }

        private static List<String> rules(List<Recommendation.Reason> reasons) {
            return reasons.stream().map(x -> x.ruleId() + "/" + x.sourceId()).sorted(Comparator.naturalOrder()).toList();
        }
    }
}
