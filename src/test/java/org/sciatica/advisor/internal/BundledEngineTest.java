package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sciatica.advisor.Assessment;

/** The bundled rules with the default options are compiled once and shared: the same rules as a fresh compile. */
class BundledEngineTest {
    @Test
    void theBundledRulesAreCompiledOnceAndShared() {
        Engine.startBundled();
        assertThat(Engine.bundled()).isSameAs(Engine.bundled());
    }

    @Test
    void theSharedEngineHasTheRulesAndAnswersOfAFreshCompile() {
        Engine fresh = Engine.compile(RuleFile.bundled(), RuleBase.Options.DEFAULT);
        Engine shared = Engine.bundled();
        assertThat(shared.catalog()).isEqualTo(fresh.catalog());
        assertThat(shared.version()).isEqualTo(fresh.version());
        assertThat(shared.precompiled()).isEqualTo(fresh.precompiled());
        LocalDate day = LocalDate.of(2026, 12, 6);
        for (Assessment a : BenchmarkMix.assessments()) {
            assertThat(shared.advise(a, day)).as(a.summary()).isEqualTo(fresh.advise(a, day));
        }
    }
}
