package org.sciatica.advisor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Severity;
import org.sciatica.advisor.internal.BenchmarkMix;
import org.sciatica.advisor.testing.Cases;

/** CDS Hooks 2.0 responses: the fields the specification requires, the specified indicator mapping, stable ids. */
class CdsHooksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INDICATORS = List.of("info", "warning", "critical");

    @Test
    void everyCardOfEveryAnswerInTheMixHasTheRequiredShape() throws Exception {
        for (Assessment a : BenchmarkMix.assessments().subList(0, 300)) {
            Recommendation r = Cases.bundledAdvisor().advise(a);
            JsonNode response = JSON.readTree(CdsHooks.response(r));
            assertThat(response.fieldNames()).toIterable().containsExactly("cards");
            JsonNode cards = response.get("cards");
            assertThat(cards.isArray()).isTrue();
            assertThat(cards).hasSize(r.referral() != null ? 1 : 1 + r.warnings().size());
            for (JsonNode card : cards) {
                assertThat(card.get("summary").isTextual()).isTrue();
                assertThat(card.get("summary").asText()).isNotBlank().hasSizeLessThan(140);
                assertThat(card.get("indicator").asText()).isIn(INDICATORS);
                assertThat(card.get("source").get("label").asText()).isNotBlank();
                assertThat(card.get("source").get("url").asText()).startsWith("http");
                assertThat(card.get("detail").asText()).isNotBlank();
                assertThat(UUID.fromString(card.get("uuid").asText())).isNotNull();
                assertThat(card.get("overrideReasons")).hasSize(CdsHooks.OverrideReason.values().length);
                for (JsonNode reason : card.get("overrideReasons")) {
                    assertThat(reason.get("code").asText()).isNotBlank();
                    assertThat(reason.get("display").asText()).isNotBlank();
                    assertThat(reason.get("system").asText()).isEqualTo(CdsHooks.OVERRIDE_REASON_SYSTEM);
                }
                assertNoNullOrEmpty(card);
            }
            assertThat(cards.findValuesAsText("uuid")).doesNotHaveDuplicates();
        }
    }

    @Test
    void aClientWhoseAgeWasNotReportedGetsTheQuestionOnTheCard() throws Exception {
        Recommendation r = Cases.bundledAdvisor().advise(Cases.piriformisSyndrome().build());
        JsonNode card = JSON.readTree(CdsHooks.response(r)).get("cards").get(0);
        assertThat(card.get("detail").asText()).contains("**Ask the client**", "- age: Ask the client's age");
    }

    @Test
    void indicatorsFollowTheSpecifiedMapping() {
        assertThat(CdsHooks.indicator(Severity.INFO)).isEqualTo("info");
        assertThat(CdsHooks.indicator(Severity.CAUTION)).isEqualTo("warning");
        assertThat(CdsHooks.indicator(Severity.CONTRAINDICATION)).isEqualTo("warning");
        assertThat(CdsHooks.indicator(Severity.REFERRAL)).isEqualTo("critical");
    }

    @Test
    void anEmergencyReferralIsOneCriticalCardThatSaysNowAndGivesNoHandsOnAdvice() throws Exception {
        Recommendation r = Cases.bundledAdvisor().advise(Cases.herniatedDisc().redFlags(RedFlag.SADDLE_ANESTHESIA).build());
        JsonNode cards = JSON.readTree(CdsHooks.response(r)).get("cards");
        assertThat(cards).hasSize(1);
        JsonNode first = cards.get(0);
        assertThat(first.get("indicator").asText()).isEqualTo("critical");
        assertThat(first.get("summary").asText()).startsWith("Emergency referral now, no massage:");
        assertThat(first.get("detail").asText()).contains("emergency department", "now", "Do not massage")
                .doesNotContain("Techniques", "Focus areas", "Session plan", "Do not use");
        assertThat(first.get("source").get("label").asText()).contains("Sciatica");
        assertThat(first.get("source").get("url").asText()).startsWith("https://www.nhs.uk/");
    }

    @Test
    void anUrgentReferralSaysADoctorToday() throws Exception {
        Recommendation r = Cases.bundledAdvisor().advise(Cases.herniatedDisc().redFlags(RedFlag.FEVER).build());
        List<CdsHooks.Card> cards = CdsHooks.cards(r, new CdsHooks.Options("hook-1", "https://example.org/reports/1"));
        assertThat(cards).hasSize(1);
        CdsHooks.Card card = cards.get(0);
        assertThat(card.indicator()).isEqualTo("critical");
        assertThat(card.summary()).startsWith("Same-day referral, no massage:");
        assertThat(card.json().get("detail").asText()).contains("A doctor sees the client today");
        assertThat(card.ruleIds()).containsAll(r.referral().reasons().stream().map(Recommendation.Reason::ruleId).toList());
        assertThat(card.json().get("links").get(0).get("url").asText()).isEqualTo("https://example.org/reports/1");
    }

    @Test
    void theHookInstanceNamesTheCardIdsAndEachCardNamesItsRules() {
        Recommendation r = Cases.bundledAdvisor().advise(Cases.piriformisSyndrome().build());
        List<CdsHooks.Card> one = CdsHooks.cards(r, new CdsHooks.Options("hook-1", null));
        List<CdsHooks.Card> two = CdsHooks.cards(r, new CdsHooks.Options("hook-2", null));
        assertThat(one.stream().map(CdsHooks.Card::uuid)).doesNotContainAnyElementsOf(two.stream().map(CdsHooks.Card::uuid).toList());
        assertThat(one.get(0).ruleIds()).containsAll(r.techniques().get(0).reasons().stream().map(Recommendation.Reason::ruleId).toList());
        for (int i = 1; i < one.size(); i++) {
            assertThat(one.get(i).ruleIds()).containsExactly(r.warnings().get(i - 1).ruleId());
        }
    }

    @Test
    void theMissingInformationCardNamesWhatIsMissingAndLinksTheIntakeForm() {
        CdsHooks.Card card = CdsHooks.missingInformation(List.of("sensitivity", "inflammation"), "https://example.org/intake", "h", "v1");
        assertThat(card.indicator()).isEqualTo("info");
        assertThat(card.summary()).contains("sensitivity", "inflammation").hasSizeLessThan(140);
        assertThat(card.json().get("links").get(0).get("url").asText()).isEqualTo("https://example.org/intake");
        assertNoNullOrEmpty(card.json());
    }

    private static void assertNoNullOrEmpty(JsonNode node) {
        if (node.isObject() || node.isArray()) {
            assertThat(node.size()).as("an empty object or array in %s", node).isPositive();
            node.forEach(CdsHooksTest::assertNoNullOrEmpty);
        } else {
            assertThat(node.isNull()).isFalse();
            if (node.isTextual()) {
                assertThat(node.asText()).isNotBlank();
            }
        }
    }

    @Test
    void theSameInputGivesTheSameCardIdsAndAnotherInputOthers() throws Exception {
        Recommendation one = Cases.bundledAdvisor().advise(Cases.piriformisSyndrome().id("a").build());
        Recommendation again = Cases.bundledAdvisor().advise(Cases.piriformisSyndrome().id("a").build());
        Recommendation other = Cases.bundledAdvisor().advise(Cases.piriformisSyndrome().id("b").build());
        assertThat(CdsHooks.response(again)).isEqualTo(CdsHooks.response(one));
        assertThat(JSON.readTree(CdsHooks.response(other)).findValuesAsText("uuid"))
                .doesNotContainAnyElementsOf(JSON.readTree(CdsHooks.response(one)).findValuesAsText("uuid"));
    }
}
