package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;

/** The benchmarks' hand-coded baseline must agree with the rules, or its timing means nothing. */
class HandCodedRulesTest {

    @Test
    void theBaselineGivesExactlyTheRulesAnswersOnTheBenchmarkMix() {
        Engine engine = Engine.compile(RuleFile.bundled());
        HandCodedRules baseline = new HandCodedRules(engine);
        for (Assessment a : BenchmarkMix.assessments()) {
            Recommendation rules = engine.advise(a, HandCodedRules.AS_OF);
            assertThat(baseline.advise(a)).as(a.summary()).isEqualTo(rules);
        }
    }
}
