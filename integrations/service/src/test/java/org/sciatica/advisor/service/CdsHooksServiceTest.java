package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** The CDS Hooks services over HTTP: discovery, the patient-view and order-sign hooks, the record and the intake. */
class CdsHooksServiceTest extends SharedService {
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";

    @Test
    void discoveryListsTheThreeServicesWithTheirPrefetch() {
        Harness.Reply r = h.get("/cds-services");
        assertThat(r.status()).isEqualTo(200);
        JsonNode services = r.json().get("services");
        assertThat(services.findValuesAsText("hook")).containsExactly("patient-view", "order-sign", "appointment-book");
        for (JsonNode s : services) {
            assertThat(s.get("id").asText()).isNotBlank();
            assertThat(s.get("description").asText()).isNotBlank();
            assertThat(s.get("prefetch").get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
        }
    }

    @Test
    void aFullRecordAndIntakeGiveTheAdviceCardsWithTheRulesBehindThemAudited() {
        long before = h.service.store().answerCount();
        Harness.Reply r = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("PIRIFORMIS_SYNDROME"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cards = r.json().get("cards");
        assertThat(cards.size()).isGreaterThan(1);
        assertThat(cards.get(0).get("summary").asText()).startsWith("Massage");
        for (JsonNode card : cards) {
            assertThat(card.get("uuid").asText()).isNotBlank();
            assertThat(card.get("summary").asText().length()).isLessThan(140);
            assertThat(card.get("source").get("url").asText()).startsWith("http");
            assertThat(card.get("links").get(0).get("url").asText()).startsWith(h.url("/reports/"));
            assertThat(card.get("overrideReasons").size()).isPositive();
        }
        assertThat(h.service.store().answerCount()).isEqualTo(before + 1);
        String report = cards.get(0).get("links").get(0).get("url").asText().substring(h.service.url().length()).replace("/reports/", "/api/reports/");
        Harness.Reply answer = h.get(report);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("disposition").asText()).isIn("PROCEED", "PROCEED_WITH_CAUTION");
    }

    @Test
    void aRedFlagInTheRecordAloneGivesOneCriticalReferralCardWithoutAnIntake() {
        Map<String, String> prefetch = Fixtures.prefetch(null, Fixtures.condition("http://hl7.org/fhir/sid/icd-10", "C61", "Malignant neoplasm of prostate"),
                Fixtures.condition("http://snomed.info/sct", "386661006", "Fever"));
        Harness.Reply r = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", prefetch));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cards = r.json().get("cards");
        assertThat(cards.size()).isEqualTo(1);
        assertThat(cards.get(0).get("indicator").asText()).isEqualTo("critical");
        assertThat(cards.get(0).get("summary").asText()).containsIgnoringCase("referral");
    }

    @Test
    void noIntakeAndNoRedFlagGiveOneInfoCardNamingWhatIsMissingWithALinkToTheIntakeForm() {
        Harness.Reply r = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(null)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cards = r.json().get("cards");
        assertThat(cards.size()).isEqualTo(1);
        assertThat(cards.get(0).get("indicator").asText()).isEqualTo("info");
        assertThat(cards.get(0).get("summary").asText()).contains("cause", "sensitivity", "inflammation").doesNotContain("painLevel");
        assertThat(cards.get(0).get("links").get(0).get("url").asText()).isEqualTo(h.url("/"));
    }

    @Test
    void theRecordAddsItsConditionsToTheIntake() {
        Map<String, String> prefetch = Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION"));
        prefetch.put("medicationRequests", Fixtures.bundle(Fixtures.anticoagulant()));
        prefetch.put("procedures", Fixtures.bundle(Fixtures.spinalSurgery(java.time.LocalDate.now().minusDays(20))));
        Harness.Reply r = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", prefetch));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String report = r.json().get("cards").get(0).get("links").get(0).get("url").asText().substring(h.service.url().length())
                .replace("/reports/", "/api/reports/");
        JsonNode answer = h.get(report).json();
        assertThat(answer.get("excluded").findValuesAsText("technique")).contains("DEEP_TISSUE", "TRIGGER_POINT", "HOT_STONE");
        assertThat(answer.get("focusAreas").findValuesAsText("area")).doesNotContain("LOWER_BACK", "SOLEUS", "GASTROCNEMIUS");
    }

    @Test
    void anOrderSignForMassageIsAdvisedAndAnotherOrderGetsNoCards() {
        String massage = """
                {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "ServiceRequest",
                 "status": "draft", "intent": "order", "subject": {"reference": "Patient/pat-1"},
                 "code": {"text": "Massage therapy, 6 sessions"}}}]}""";
        String xray = massage.replace("Massage therapy, 6 sessions", "Lumbar spine X-ray");
        for (String orders : List.of(massage, xray)) {
            String request = Fixtures.hookRequest("order-sign", Fixtures.prefetch(null, Fixtures.condition("http://hl7.org/fhir/sid/icd-10", "C61", "Cancer")));
            JsonNode body = Harness.JSON.valueToTree(Harness.JSON.convertValue(readTree(request), Map.class));
            ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("context")).set("draftOrders", readTree(orders));
            Harness.Reply r = h.post("/cds-services/sciatica-order-sign", body.toString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("cards").size()).isEqualTo(orders == massage ? 1 : 0);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return Harness.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
