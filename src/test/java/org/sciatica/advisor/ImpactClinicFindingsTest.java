package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.testing.Cases;

/**
 * A clinic compares its lymphedema rule with the bundled rules: the assessments with the finding
 * are exactly the ones the rule changes, and the bundled rules, which do not know the finding,
 * answer them as if it were absent instead of rejecting them.
 */
class ImpactClinicFindingsTest {
    private static final SciaticaAdvisor CLINIC = SciaticaAdvisor.builder()
            .addRuleDirectory(TestRules.directory("clinic-lymphedema")).build();

    /** Twelve assessments, every other one with lymphedema. */
    private static List<Assessment> assessments() {
        List<Assessment> list = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Assessment.Builder b = Cases.piriformisSyndrome().painLevel(i % 6).id("case-" + i);
            if (i % 2 == 0) {
                b.clinicFindings("LYMPHEDEMA");
            }
            list.add(b.build());
        }
        return list;
    }

    @Test
    void aClinicFindingRuleComparedWithTheBundledRulesLeavesNoLineUncompared() {
        ImpactReport report = Impact.of(Cases.bundledAdvisor(), CLINIC).compare(assessments());
        assertThat(report.errors()).as(report.errorLines().toString()).isZero();
        assertThat(report.assessments()).isEqualTo(12);
        assertThat(report.changed()).isEqualTo(6);
        assertThat(report.changes()).allSatisfy(c -> assertThat(c.examples())
                .allSatisfy(e -> assertThat(Integer.parseInt(e.id().substring(5)) % 2).isZero()));
    }

    @Test
    void theSameHoldsTheOtherWayRound() {
        ImpactReport report = Impact.of(CLINIC, Cases.bundledAdvisor()).compare(assessments());
        assertThat(report.errors()).isZero();
        assertThat(report.changed()).isEqualTo(6);
    }

    @Test
    void aFindingNeitherSideDeclaresIsAnErrorThatSaysWhoRejectedIt() {
        Assessment unknown = Cases.piriformisSyndrome().clinicFindings("LYMPHODEMA").build();
        ImpactReport report = Impact.of(Cases.bundledAdvisor(), CLINIC).compare(List.of(unknown));
        assertThat(report.errors()).isEqualTo(1);
        assertThat(report.errorLines()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("clinicFindings");
            assertThat(e.message()).startsWith("rejected by both rule sets: clinicFindings: \"LYMPHODEMA\" is not declared");
        });
    }

    @Test
    void addingAnAreaRestrictionChangesTheFocusAreasAndLiftingItIsLessCautious() {
        SciaticaAdvisor limb = SciaticaAdvisor.builder().addRuleDirectory(TestRules.directory("limb-restriction")).build();
        List<Assessment> legs = List.of(Assessment.builder().cause(Cause.MUSCLE_TENSION).sensitivity(Sensitivity.LOW)
                .inflammation(Inflammation.NONE).painLevel(4).course(Course.CHRONIC)
                .tenseAreas(BodyArea.IT_BAND, BodyArea.SOLEUS).clinicFindings("LYMPHEDEMA_LEG").build());
        ImpactReport added = Impact.of(Cases.bundledAdvisor(), limb).compare(legs);
        assertThat(added.errors()).isZero();
        assertThat(added.lessCautious()).isZero();
        assertThat(added.changes()).filteredOn(c -> c.kind() == ImpactReport.Kind.FOCUS_AREAS).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(1);
            assertThat(c.ruleIds()).contains("CL-LY-10");
            assertThat(c.examples().get(0).after()).contains("restricted: HAMSTRINGS: no DEEP_TISSUE, at most LIGHT");
        });
        ImpactReport lifted = Impact.of(limb, Cases.bundledAdvisor()).compare(legs);
        assertThat(lifted.lessCautious()).isEqualTo(1);
        assertThat(lifted.verdict()).isEqualTo(ImpactReport.Verdict.LESS_CAUTIOUS);
    }
}
