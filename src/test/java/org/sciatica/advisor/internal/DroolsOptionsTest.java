package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.internal.conf.ShareBetaNodesOption;
import org.sciatica.advisor.Assessment;

/**
 * The benchmarks compare the library's Drools options with others in one JVM: the options must
 * reach the rule base and every session evaluations run in (pooled or fresh), and an engine built
 * with options that change no semantics must answer exactly as the library's.
 */
class DroolsOptionsTest {
    private static final String SETTINGS = "session:drools.threadSafe=false, base:drools.shareBetaNodes=false";

    @Test
    void optionsReachTheRuleBaseAndItsPooledAndFreshSessions() {
        for (Engine engine : List.of(EngineWithOptions.bundled(SETTINGS), EngineWithOptions.bundledFromDrl(SETTINGS))) {
            assertThat(((InternalRuleBase) engine.rules().kieBase()).getConfiguration().getOption(ShareBetaNodesOption.KEY))
                    .isEqualTo(ShareBetaNodesOption.NO);
            for (KieSession session : List.of(engine.rules().pooledSession(), engine.rules().freshSession())) {
                try {
                    assertThat(session.getSessionConfiguration().getOption(ThreadSafeOption.KEY)).isEqualTo(ThreadSafeOption.NO);
                } finally {
                    session.dispose();
                }
            }
        }
        assertThat(EngineWithOptions.bundled("").rules().precompiled()).isTrue();
        assertThat(EngineWithOptions.bundledFromDrl("").rules().precompiled()).isFalse();
    }

    @Test
    void theLibrarysOwnSessionsKeepDroolsDefaults() {
        Engine engine = Engine.compile(RuleFile.bundled());
        KieSession session = engine.rules().pooledSession();
        try {
            assertThat(session.getSessionConfiguration().getOption(ThreadSafeOption.KEY)).isEqualTo(ThreadSafeOption.YES);
        } finally {
            session.dispose();
        }
    }

    @Test
    void anEngineWithOtherOptionsAnswersAsTheLibrarysOnTheBenchmarkMix() {
        Engine library = Engine.compile(RuleFile.bundled());
        Engine other = EngineWithOptions.bundled(SETTINGS);
        FreshSessions otherFresh = new FreshSessions(other);
        for (Assessment a : BenchmarkMix.assessments()) {
            var expected = library.advise(a, HandCodedRules.AS_OF);
            assertThat(other.advise(a, HandCodedRules.AS_OF)).as(a.summary()).isEqualTo(expected);
            assertThat(otherFresh.advise(a, HandCodedRules.AS_OF)).as(a.summary() + ", fresh session").isEqualTo(expected);
        }
    }

    @Test
    void theLibrarysOptionsAnswerAsDroolsDefaultsOnBothMixes() {
        Engine library = Engine.compile(RuleFile.bundled());
        Engine defaults = Engine.compile(RuleFile.bundled(), true, new DroolsOptions(java.util.Map.of(), java.util.Map.of()));
        FreshSessions defaultsFresh = new FreshSessions(defaults);
        List<Assessment> cases = new java.util.ArrayList<>(BenchmarkMix.assessments());
        cases.addAll(BenchmarkMix.heavy());
        for (Assessment a : cases) {
            var expected = defaults.advise(a, HandCodedRules.AS_OF);
            assertThat(library.advise(a, HandCodedRules.AS_OF)).as(a.summary()).isEqualTo(expected);
            assertThat(defaultsFresh.advise(a, HandCodedRules.AS_OF)).as(a.summary() + ", fresh session").isEqualTo(expected);
        }
    }

    @Test
    void aSettingOutsideBaseOrSessionIsRefusedNamingIt() {
        assertThatThrownBy(() -> EngineWithOptions.options("drools.threadSafe=false"))
                .hasMessage("settings: \"drools.threadSafe=false\" is not base:NAME=VALUE or session:NAME=VALUE");
        assertThatThrownBy(() -> EngineWithOptions.options("kbase:drools.shareBetaNodes=false"))
                .hasMessage("settings: \"kbase\" is neither base nor session, in \"kbase:drools.shareBetaNodes=false\"");
    }
}
