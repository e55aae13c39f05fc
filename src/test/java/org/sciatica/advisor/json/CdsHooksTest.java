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
            assertThat(cards).hasSize(1 + r.warnings().size());
            for (JsonNode card : cards) {
                assertThat(card.get("summary").isTextual()).isTrue();
                assertThat(card.get("summary").asText()).isNotBlank().hasSizeLessThan(140);
                assertThat(card.get("indicator").asText()).isIn(INDICATORS);
                assertThat(card.get("source").get("label").asText()).isNotBlank();
                assertThat(card.get("detail").isTextual()).isTrue();
                assertThat(UUID.fromString(card.get("uuid").asText())).isNotNull();
            }
            assertThat(cards.findValuesAsText("uuid")).doesNotHaveDuplicates();
        }
    }

    @Test
    void indicatorsFollowTheSpecifiedMapping() {
        assertThat(CdsHooks.indicator(Severity.INFO)).isEqualTo("info");
        assertThat(CdsHooks.indicator(Severity.CAUTION)).isEqualTo("warning");
        assertThat(CdsHooks.indicator(Severity.CONTRAINDICATION)).isEqualTo("warning");
        assertThat(CdsHooks.indicator(Severity.REFERRAL)).isEqualTo("critical");
    }

    @Test
    void aReferralLeadsWithACriticalCard() throws Exception {
        Recommendation r = Cases.bundledAdvisor().advise(Cases.herniatedDisc().redFlags(RedFlag.SADDLE_ANESTHESIA).build());
        JsonNode first = JSON.readTree(CdsHooks.response(r)).get("cards").get(0);
        assertThat(first.get("indicator").asText()).isEqualTo("critical");
        assertThat(first.get("summary").asText()).startsWith("Refer (EMERGENCY): do not massage.");
        assertThat(first.get("source").get("label").asText()).contains("Sciatica");
        assertThat(first.get("source").get("url").asText()).startsWith("https://www.nhs.uk/");
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
