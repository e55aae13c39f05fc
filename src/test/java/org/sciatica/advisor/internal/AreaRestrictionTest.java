package org.sciatica.advisor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.Pressure;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Technique;
import org.sciatica.advisor.cli.TextReport;
import org.sciatica.advisor.json.RecommendationJson;

/**
 * A clinic keeps deep tissue, and anything above light pressure, off the areas of a leg with
 * lymphedema: the answer lists the restrictions, the focus areas carry them, the plan asks for
 * nothing more on those areas, and the safety monitor refuses an answer that does.
 */
class AreaRestrictionTest {
    private static final List<BodyArea> LEG = List.of(BodyArea.HAMSTRINGS, BodyArea.IT_BAND, BodyArea.SOLEUS, BodyArea.GASTROCNEMIUS);
    private static final SciaticaAdvisor CLINIC = SciaticaAdvisor.builder().addRuleDirectory(fixture("limb-restriction")).build();

    /** Chronic muscle tension, low sensitivity, tense in the leg: firm deep tissue and the IT band forearm step otherwise. */
    private static Assessment.Builder tenseLeg() {
        return Assessment.builder().cause(Cause.MUSCLE_TENSION).sensitivity(Sensitivity.LOW).inflammation(Inflammation.NONE)
                .painLevel(4).course(Course.CHRONIC).tenseAreas(BodyArea.IT_BAND, BodyArea.HAMSTRINGS, BodyArea.SOLEUS);
    }

    @Test
    void withoutTheFindingTheLegGetsFirmForearmWorkOnTheItBand() {
        Recommendation r = CLINIC.advise(tenseLeg().build());
        assertThat(r.areaLimits()).isEmpty();
        assertThat(r.sessionPlan().steps()).anySatisfy(s -> assertThat(s.text()).contains("forearm"));
        assertThat(RecommendationJson.compact(r)).doesNotContain("areaLimits").doesNotContain("\"limit\"");
    }

    @Test
    void aLegWithLymphedemaKeepsDeepTissueOffItsAreasAndTheAnswerThePlanAndTheMonitorAgree() throws Exception {
        Assessment a = tenseLeg().clinicFindings("LYMPHEDEMA_LEG").build();
        Recommendation r = CLINIC.advise(a); // checked by the safety monitor on the way out

        // The answer: each leg area, deep tissue kept off it and light pressure at most, with the clinic's reason.
        assertThat(r.areaLimits()).extracting(Recommendation.AreaLimit::area).containsExactly(
                BodyArea.HAMSTRINGS, BodyArea.IT_BAND, BodyArea.SOLEUS, BodyArea.GASTROCNEMIUS);
        assertThat(r.areaLimits()).allSatisfy(l -> {
            assertThat(l.keepOff()).containsExactly(Technique.DEEP_TISSUE);
            assertThat(l.maxPressure()).isEqualTo(Pressure.LIGHT);
            assertThat(l.reasons()).extracting(Recommendation.Reason::ruleId).containsOnly("CL-LY-10");
            assertThat(l.allows(Technique.DEEP_TISSUE, Pressure.LIGHT)).isFalse();
            assertThat(l.allows(Technique.SWEDISH, Pressure.MODERATE)).isFalse();
            assertThat(l.allows(Technique.SWEDISH, Pressure.LIGHT)).isTrue();
        });
        // The rest of the session is not restricted: deep tissue still leads, firm, for the back and gluteals.
        assertThat(r.technique(Technique.DEEP_TISSUE)).get().extracting(Recommendation.RankedTechnique::pressure)
                .isEqualTo(Pressure.FIRM);
        assertThat(r.sources()).extracting(org.sciatica.advisor.Source::id).contains("clinic-lymphedema-protocol");

        // The focus areas: every restricted one carries its restriction, the others none.
        assertThat(r.focusAreas()).extracting(Recommendation.FocusArea::area).contains(BodyArea.IT_BAND, BodyArea.HAMSTRINGS,
                BodyArea.SOLEUS, BodyArea.PIRIFORMIS);
        assertThat(r.focusAreas()).allSatisfy(f -> assertThat(f.limit()).isEqualTo(r.areaLimit(f.area()).orElse(null)));
        assertThat(r.focusAreas()).filteredOn(f -> LEG.contains(f.area())).allSatisfy(f -> assertThat(f.limit()).isNotNull());

        // The plan: no firm forearm work along the IT band (SP-03 gives way to the restriction).
        assertThat(r.firedRules()).contains("CL-LY-10").doesNotContain("SP-03");
        assertThat(r.sessionPlan().steps()).noneSatisfy(s -> assertThat(s.text().toLowerCase(Locale.ROOT)).contains("forearm"));

        // The monitor agrees: nothing to say about this answer.
        assertThat(SafetyMonitor.check(a, r, fired -> List.of())).isEmpty();

        // JSON (compact and indented, the same) and the text report show them.
        ObjectMapper mapper = new ObjectMapper();
        JsonNode compact = mapper.readTree(RecommendationJson.compact(r));
        assertThat(compact).isEqualTo(mapper.readTree(RecommendationJson.pretty(r)));
        assertThat(compact.get("areaLimits")).hasSize(4);
        assertThat(compact.get("areaLimits").get(0).toString()).startsWith(
                "{\"area\":\"HAMSTRINGS\",\"keepOff\":[\"DEEP_TISSUE\"],\"maxPressure\":\"LIGHT\",\"reasons\":[{\"text\":");
        JsonNode itBand = null;
        for (JsonNode f : compact.get("focusAreas")) {
            if (f.get("area").asText().equals("IT_BAND")) {
                itBand = f;
            }
        }
        assertThat(itBand).isNotNull();
        assertThat(itBand.get("limit").toString()).isEqualTo("{\"keepOff\":[\"DEEP_TISSUE\"],\"maxPressure\":\"LIGHT\"}");
        String text = TextReport.render(a, r);
        assertThat(text).contains("Keep off single areas:\n  - HAMSTRINGS: no DEEP_TISSUE; at most light pressure\n")
                .contains("  - IT_BAND: the client reports tension here [FA-03] (no DEEP_TISSUE; at most light pressure)");
    }

    @Test
    void theMonitorRefusesAPlanStepThatAsksForFirmWorkOnARestrictedArea() {
        Assessment a = tenseLeg().clinicFindings("LYMPHEDEMA_LEG").build();
        Recommendation r = CLINIC.advise(a);
        List<Recommendation.PlanStep> steps = new ArrayList<>(r.sessionPlan().steps());
        steps.add(new Recommendation.PlanStep("After the warm-up, work the IT band with the forearm, from the knee toward the gluteals.",
                "SP-03", "policy-technique-choice"));
        steps.add(new Recommendation.PlanStep("Work trigger points in the calves.", "CL-99", "policy-technique-choice"));
        Recommendation unsafe = with(r, r.focusAreas(), steps);
        List<SafetyMonitor.Violation> violations = SafetyMonitor.check(a, unsafe, fired -> List.of());
        assertThat(violations).extracting(SafetyMonitor.Violation::line).containsOnly(24);
        assertThat(violations).extracting(SafetyMonitor.Violation::what)
                .anySatisfy(w -> assertThat(w).startsWith("a plan step asks for firm pressure on IT_BAND"))
                .noneSatisfy(w -> assertThat(w).contains("SOLEUS")); // trigger point is not kept off the calves
        assertThat(violations).first().extracting(SafetyMonitor.Violation::ruleIds)
                .isEqualTo(List.of("SP-03", "CL-LY-10"));
    }

    @Test
    void theMonitorRefusesAFocusAreaThatDropsItsRestriction() {
        Assessment a = tenseLeg().clinicFindings("LYMPHEDEMA_LEG").build();
        Recommendation r = CLINIC.advise(a);
        List<Recommendation.FocusArea> bare = r.focusAreas().stream()
                .map(f -> new Recommendation.FocusArea(f.area(), f.reasons())).toList();
        assertThat(SafetyMonitor.check(a, with(r, bare, r.sessionPlan().steps()), fired -> List.of()))
                .extracting(SafetyMonitor.Violation::what)
                .anySatisfy(w -> assertThat(w).startsWith("focus area HAMSTRINGS must carry the answer's restriction"));
    }

    private static Recommendation with(Recommendation r, List<Recommendation.FocusArea> focus, List<Recommendation.PlanStep> steps) {
        return new Recommendation(r.id(), r.disposition(), r.referral(), r.techniques(), r.excluded(), r.warnings(), focus,
                new Recommendation.SessionPlan(steps, r.sessionPlan().sessionsPerWeek()), r.firedRules(), r.questions(), r.sources(),
                r.rulesVersion(), r.asOf(), r.areaLimits());
    }

    private static Path fixture(String name) {
        try {
            return Path.of(AreaRestrictionTest.class.getResource("/rules/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
