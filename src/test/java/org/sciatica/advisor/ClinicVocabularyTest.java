package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.testing.Cases;
import org.sciatica.advisor.testing.ClinicalAssertions;

/**
 * A clinic extends the vocabulary without forking: it declares its own findings and warning codes
 * beside its rules, an assessment carries the findings, and its rules match and raise them like
 * the built-in ones. The story: lymphedema, which the built-in vocabulary lacks.
 */
class ClinicVocabularyTest {
    private static final SciaticaAdvisor CLINIC = SciaticaAdvisor.builder()
            .addRuleDirectory(TestRules.directory("clinic-lymphedema")).build();

    @Test
    void aClientWithLymphedemaGetsTheClinicsWarningLightPressureAndNoHeat() {
        Recommendation r = CLINIC.advise(Cases.piriformisSyndrome().course(Course.CHRONIC).symptoms(Symptom.STIFFNESS)
                .clinicFindings("LYMPHEDEMA").build());
        ClinicalAssertions.assertThat(r).proceedsWithCaution().firedRule("CL-LY-01").excludes(Technique.HOT_STONE,
                Technique.DEEP_TISSUE).hasPressureAtMost(Pressure.LIGHT);
        assertThat(r.warnings()).filteredOn(w -> w.code().equals("LYMPHEDEMA_CARE")).singleElement()
                .satisfies(w -> {
                    assertThat(w.severity()).isEqualTo(Severity.CAUTION);
                    assertThat(w.ruleId()).isEqualTo("CL-LY-01");
                    assertThat(w.sourceId()).isEqualTo("clinic-lymphedema-protocol");
                });
        assertThat(r.warns("LYMPHEDEMA_CARE")).isTrue();
    }

    @Test
    void theSameClientWithoutTheFindingIsUnchanged() {
        Recommendation r = CLINIC.advise(Cases.piriformisSyndrome().course(Course.CHRONIC).build());
        ClinicalAssertions.assertThat(r).proceeds().didNotFire("CL-LY-01");
    }

    @Test
    void aFindingNoLoadedRuleDeclaresIsRejectedNamingTheDeclaredOnes() {
        InvalidAssessmentException e = catchThrowableOfType(InvalidAssessmentException.class,
                () -> CLINIC.advise(Cases.piriformisSyndrome().clinicFindings("LYMPHOEDEMA").build()));
        assertThat(e.field()).isEqualTo("clinicFindings");
        assertThat(e.getMessage()).isEqualTo("clinicFindings: \"LYMPHOEDEMA\" is not declared by the loaded rules; declared: LYMPHEDEMA");
        InvalidAssessmentException bundled = catchThrowableOfType(InvalidAssessmentException.class,
                () -> Cases.bundledAdvisor().advise(Cases.piriformisSyndrome().clinicFindings("LYMPHEDEMA").build()));
        assertThat(bundled.getMessage()).contains("they declare none");
    }

    @Test
    void aRuleRaisingAWarningNobodyDeclaredIsALoadErrorAtTheRule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Warns with an undeclared code" @id("CL-90") @source("policy-safety-first")
                when Assessment() then
                    insert( new Alert("MADE_UP", "made up") );
                end
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("rule \"Warns with an undeclared code\" raises warning \"MADE_UP\", which is neither");
        });
    }

    @Test
    void aClinicWarningThatRefersRefersTheClient(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vocabulary.csv"), """
                kind,name,severity,disposition,description
                finding,ACTIVE_CANCER_TREATMENT,,,"In chemotherapy or radiotherapy now"
                warning,ONCOLOGY_CLEARANCE,REFERRAL,REFER,"Needs the oncology team's clearance before any massage"
                """);
        Files.writeString(dir.resolve("x.drl"), """
                package org.clinic.rules;
                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;
                rule "Active cancer treatment needs the oncology team's clearance" @id("CL-91") @source("policy-safety-first")
                when Assessment( hasClinicFinding("ACTIVE_CANCER_TREATMENT") ) then
                    insert( new Alert("ONCOLOGY_CLEARANCE", "In cancer treatment: no massage until the oncology team clears it.") );
                end
                """);
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(dir).build();
        Recommendation r = advisor.advise(Cases.muscleTension().clinicFindings("ACTIVE_CANCER_TREATMENT").build());
        ClinicalAssertions.assertThat(r).refersWithUrgency(Urgency.URGENT).recommendsNothing()
                .doesNotWarn(WarningCode.NO_DIRECT_NERVE_PRESSURE);
        assertThat(r.warns("ONCOLOGY_CLEARANCE")).isTrue();
    }

    @Test
    void aBadDeclarationIsALoadErrorWithItsLine(@TempDir Path dir) throws IOException {
        Files.copy(TestRules.directory("clinic-lymphedema").resolve("70-lymphedema.drl"), dir.resolve("70-lymphedema.drl"));
        Files.copy(TestRules.directory("clinic-lymphedema").resolve("sources.csv"), dir.resolve("sources.csv"));
        Files.writeString(dir.resolve("vocabulary.csv"), """
                kind,name,severity,disposition,description
                finding,LYMPHEDEMA,,,"Swelling"
                warning,LYMPHEDEMA_CARE,CAUTION,REFER,"Mismatch"
                warning,NO_DIRECT_NERVE_PRESSURE,CAUTION,PROCEED,"A built-in code"
                """);
        RuleLoadException e = catchThrowableOfType(RuleLoadException.class,
                () -> SciaticaAdvisor.builder().addRuleDirectory(dir).build());
        assertThat(e.problems()).extracting(RuleProblem::line).containsExactly(3, 4);
        assertThat(e.problems().get(0).message()).contains("severity REFERRAL goes with disposition REFER");
        assertThat(e.problems().get(1).message()).contains("is a built-in warning code");
    }

    @Test
    void aScenarioTableRowCarriesClinicFindings() {
        org.sciatica.advisor.testing.ScenarioTable table = org.sciatica.advisor.testing.ScenarioTable.fromText("lymphedema.csv", """
                name,cause,sensitivity,inflammation,painLevel,clinicFindings,disposition,excludes,maxPressure,warns,fires
                Lymphedema gets light pressure and no heat,PIRIFORMIS_SYNDROME,LOW,NONE,4,LYMPHEDEMA,PROCEED_WITH_CAUTION,HOT_STONE,LIGHT,LYMPHEDEMA_CARE,CL-LY-01
                """).with(CLINIC);
        table.tests().forEach(t -> {
            try {
                t.getExecutable().execute();
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        });
    }
}
