package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.Assessment;

/**
 * The bundled rules run from the executable model precompiled at build time; they must decide
 * exactly as the DRL they were made from.
 */
class ExecutableModelTest {
    private static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2026, 11, 28);

    @Test
    void theBundledRulesRunPrecompiled() {
        assertThat(Engine.compile(RuleFile.bundled()).rules().precompiled())
                .as("the build should have precompiled the bundled rules (ExecutableModelGenerator)").isTrue();
    }

    @Test
    void precompiledAndCompiledFromDrlGiveTheSameAnswersAndCatalog() {
        Engine precompiled = Engine.compile(RuleFile.bundled());
        Engine drl = Engine.compileFromDrl(RuleFile.bundled());
        assertThat(drl.rules().precompiled()).isFalse();
        assertThat(precompiled.catalog()).isEqualTo(drl.catalog());
        assertThat(precompiled.catalog()).as("the precompiled model keeps the lifecycle metadata").allSatisfy(rule -> {
            assertThat(rule.status()).isEqualTo(org.sciatica.advisor.RuleStatus.ACTIVE);
            assertThat(rule.reviewed()).isEqualTo(AS_OF);
        });
        assertThat(precompiled.version()).isEqualTo(drl.version());
        for (Assessment a : BenchmarkMix.assessments()) {
            assertThat(precompiled.advise(a, AS_OF)).as(a.summary()).isEqualTo(drl.advise(a, AS_OF));
        }
    }

    @Test
    void otherRuleTextsAreCompiledFromDrl() {
        List<RuleFile> changed = new java.util.ArrayList<>(RuleFile.bundled());
        int lastDrl = changed.size() - 1;
        while (!changed.get(lastDrl).isDrl()) {
            lastDrl--;
        }
        RuleFile last = changed.get(lastDrl);
        changed.set(lastDrl, new RuleFile(last.name(), last.content() + "\n// a clinician's edit\n"));
        assertThat(Engine.compile(changed).rules().precompiled()).isFalse();
    }
}
