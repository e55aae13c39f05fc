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
            assertThat(rule.reviewed()).isEqualTo(java.time.LocalDate.of(2026, 12, 6));
            assertThat(rule.hazards()).as(rule.id() + " keeps its @hazards").isNotEmpty();
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

    /**
     * A clinic's added rule directory keeps the bundled rules precompiled: only its files are
     * compiled, into the same rule base, and the answers and catalog are exactly those of compiling
     * every file from DRL. Covers a clinic vocabulary, a replacement of a bundled rule, a dated
     * draft, a written safety departure and a clinic rule in the bundled rules' own package.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "bundled rules plus {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"clinic-lymphedema", "replace-varicose-rule",
            "departed-varicose-rule", "draft-rule", "lifecycle", "no-gentle-technique", "two-left-may-not-lead", "mutation-clinic", "bundled-package-rule"})
    void addedRuleFilesAreCompiledOnTopOfThePrecompiledBundledRules(String directory) throws Exception {
        List<RuleFile> files = new java.util.ArrayList<>(RuleFile.bundled());
        files.addAll(RuleFile.directory(java.nio.file.Path.of(getClass().getResource("/rules/" + directory).toURI())));
        RuleBase.Options options = new RuleBase.Options(false, true);
        Engine hybrid = Engine.compile(files, options);
        Engine drl = Engine.compileFromDrl(files, options);
        assertThat(hybrid.precompiled()).as("the bundled rules stay precompiled beside " + directory).isTrue();
        assertThat(drl.precompiled()).isFalse();
        assertThat(hybrid.catalog()).isEqualTo(drl.catalog());
        assertThat(hybrid.version()).isEqualTo(drl.version());
        for (Assessment a : BenchmarkMix.assessments()) {
            assertThat(outcome(() -> hybrid.advise(a, AS_OF))).as(a.summary()).isEqualTo(outcome(() -> drl.advise(a, AS_OF)));
        }
    }

    /** The answer, or the message of the error it raised (an unsafe clinic rule is refused the same way). */
    private static Object outcome(java.util.function.Supplier<Object> answer) {
        try {
            return answer.get();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
