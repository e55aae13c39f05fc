package org.example.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sciatica.advisor.testing.Cases.advise;
import static org.sciatica.advisor.testing.Cases.muscleTension;
import static org.sciatica.advisor.testing.Cases.piriformisSyndrome;
import static org.sciatica.advisor.testing.ClinicalAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.Course;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.Symptom;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.WarningCode;
import org.sciatica.advisor.testing.Advice;
import org.sciatica.advisor.testing.ScenarioTable;

/** Example Clinic's rules (rules/), tested with the library's test kit as a client project would. */
class ClinicRulesTest {
    /** The clinic's rules as this build precompiled them (target/rules, see the pom). */
    private static final Path PRECOMPILED = Path.of("target/rules");
    /** The bundled rules plus the clinic's own, loaded once for every test. */
    private static final SciaticaAdvisor CLINIC = SciaticaAdvisor.builder().addRuleDirectory(PRECOMPILED).build();

    @Test
    void theRulesLoadFromTheModelThisBuildMade() {
        assertThat(PRECOMPILED.resolve("sciatica-advisor-model.jar")).isRegularFile();
        assertThat(CLINIC.ruleLoadWarnings()).isEmpty();
    }

    @Test
    void aCopyEditedAfterTheBuildIsCompiledFromDrlAndSaysWhy(@TempDir Path temp) throws IOException {
        for (String file : List.of("70-clinic.drl", "sources.csv", "vocabulary.csv", "sciatica-advisor-model.jar")) {
            Files.copy(PRECOMPILED.resolve(file), temp.resolve(file));
        }
        Files.writeString(temp.resolve("70-clinic.drl"), Files.readString(temp.resolve("70-clinic.drl")) + "\n// edited\n");
        SciaticaAdvisor edited = SciaticaAdvisor.builder().addRuleDirectory(temp).build();
        assertThat(edited.ruleLoadWarnings()).singleElement().asString().startsWith(temp + ": ").contains("stale");
        assertThat(advise(edited, muscleTension().course(Course.CHRONIC).symptoms(Symptom.BURNING_PAIN)))
                .recommendsFirst(Technique.SWEDISH)
                .firedRule("EC-02");
    }

    @Test
    void aClientWithLymphedemaGetsLightPressureNoHeatAndTheClinicsWarning() {
        Advice advice = advise(CLINIC, piriformisSyndrome().course(Course.CHRONIC).symptoms(Symptom.STIFFNESS)
                .clinicFindings("LYMPHEDEMA"));
        assertThat(advice)
                .proceedsWithCaution()
                .firedRule("EC-01")
                .excludes(Technique.HOT_STONE, Technique.DEEP_TISSUE)
                .hasPressureAtMost(Pressure.LIGHT)
                .warns(WarningCode.NO_DIRECT_NERVE_PRESSURE);
        assertThat(advice.recommendation().warns("LYMPHEDEMA_CARE")).as("the clinic's own warning").isTrue();
    }

    @Test
    void burningPainPutsSwedishFirst() {
        assertThat(advise(CLINIC, muscleTension().course(Course.CHRONIC).symptoms(Symptom.BURNING_PAIN)))
                .proceeds()
                .recommendsFirst(Technique.SWEDISH)
                .firedRule("EC-02")
                .didNotFire("EC-01");
    }

    @Test
    void theClinicDeclaresItsFinding() {
        assertThat(CLINIC.clinicFindings()).contains("LYMPHEDEMA");
    }

    @TestFactory
    Stream<DynamicTest> theClinicsCases() {
        return ScenarioTable.fromClasspath("/scenarios/clinic-cases.csv").with(CLINIC).tests();
    }
}
