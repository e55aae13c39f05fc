package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.testing.Cases;

/**
 * The runtime safety monitor: a clinic's rules that break a line of the safety table get an error
 * naming the line and the rules, never an unsafe answer; a deliberate, written departure is shown
 * in every answer it touches.
 */
class SafetyMonitorTest {
    private static final Assessment VARICOSE_VEINS_WITH_TENSE_CALVES = Cases.muscleTension().course(Course.CHRONIC)
            .conditions(Condition.VARICOSE_VEINS).tenseAreas(BodyArea.SOLEUS, BodyArea.GASTROCNEMIUS).build();

    @Test
    void aClinicRuleThatBringsBackFirmPressureOnVaricoseVeinsIsRefusedNamingLine18AndTheRule() {
        SciaticaAdvisor careless = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("unsafe-varicose-rule")).build();
        SafetyViolationException e = catchThrowableOfType(SafetyViolationException.class,
                () -> careless.advise(VARICOSE_VEINS_WITH_TENSE_CALVES));
        assertThat(e).as("the monitor must refuse the answer").isNotNull();
        assertThat(e.line()).isEqualTo(18);
        assertThat(e.ruleIds()).contains("CL-18");
        assertThat(e.getMessage()).startsWith("safety line 18 broken: varicose veins or pregnancy")
                .contains("rules involved:", "CL-18");
    }

    @Test
    void theSameCarelessRulesStillAnswerClientsTheyDoNotTouch() {
        SciaticaAdvisor careless = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("unsafe-varicose-rule")).build();
        assertThat(careless.advise(Cases.muscleTension().course(Course.CHRONIC).build()).disposition())
                .isEqualTo(Disposition.PROCEED);
    }

    @Test
    void aWrittenDepartureFromLine18IsShownInTheAnswerInsteadOfAnError() {
        SciaticaAdvisor departing = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("departed-varicose-rule")).build();
        Recommendation r = departing.advise(VARICOSE_VEINS_WITH_TENSE_CALVES);
        assertThat(r.warnings()).filteredOn(w -> w.is(WarningCode.SAFETY_DEPARTURE)).singleElement()
                .satisfies(w -> {
                    assertThat(w.message()).startsWith("This clinic departs from safety line 18").contains("vein clinic assesses");
                    assertThat(w.ruleId()).isEqualTo("SAFETY-18");
                });
        assertThat(r.sources()).extracting(Source::id).contains("clinic-departure-line-18");
        assertThat(r.disposition()).isEqualTo(Disposition.PROCEED_WITH_CAUTION);
        Recommendation untouched = departing.advise(Cases.muscleTension().course(Course.CHRONIC).build());
        assertThat(untouched.warns(WarningCode.SAFETY_DEPARTURE)).as("no departure where no line is crossed").isFalse();
    }

    @Test
    void aDepartureNeedsALineAndAWrittenReason(@TempDir Path dir) throws IOException {
        Files.copy(TestRules.directory("unsafe-varicose-rule").resolve("clinic.drl"), dir.resolve("clinic.drl"));
        Files.copy(TestRules.directory("unsafe-varicose-rule").resolve("sources.csv"), dir.resolve("sources.csv"));
        Files.writeString(dir.resolve("safety-departures.csv"), "line,reason\n18,\n39,because\n");
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                dir.resolve("safety-departures.csv") + ":2:1: a departure from line 18 needs a written reason",
                dir.resolve("safety-departures.csv") + ":3:1: line must be a safety-table line from 1 to 38 (14 is checked across answers, not per answer; 22 was replaced by 27), was \"39\"");
    }

    @Test
    void removingTheNerveWarningRuleIsCaughtOnEveryAnswer(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("quiet.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                rule "The clinic drops the nerve warning" @id("CL-01") @source("policy-safety-first") @replaces("NS-01")
                when Assessment( painLevel < 0 ) then end
                """);
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(dir).allowReplacingProtectedRules().build();
        assertThatThrownBy(() -> advisor.advise(Cases.piriformisSyndrome().build()))
                .isInstanceOf(SafetyViolationException.class)
                .hasMessageStartingWith("safety line 24 broken: NO_DIRECT_NERVE_PRESSURE is missing");
    }

    @Test
    void theBundledRulesNeverTripTheMonitorOnTheirOwnExamples() {
        SciaticaAdvisor advisor = Cases.bundledAdvisor();
        for (Cause cause : Cause.values()) {
            assertThat(advisor.advise(Cases.client(cause).symptoms(Symptom.NUMBNESS, Symptom.WEAKNESS)
                    .conditions(Condition.PREGNANCY, Condition.RECENT_SPINAL_SURGERY).tenseAreas(BodyArea.values()).build()))
                    .isNotNull();
        }
    }
}
