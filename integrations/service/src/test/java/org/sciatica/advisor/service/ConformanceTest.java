package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/**
 * The service's JSON against the CDS Hooks 2.0 specification's own examples (src/test/resources/cds-hooks-2.0):
 * every field the service writes is one the example uses, with the same JSON type; the example request and the
 * example feedback bodies are accepted as they stand.
 */
class ConformanceTest extends SharedService {
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";

    static JsonNode example(String name) throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/cds-hooks-2.0/" + name)) {
            return Harness.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Every field path in {@code ours} (array items merged) exists in {@code spec} with the same JSON node type. */
    private static void assertShapeWithin(JsonNode ours, JsonNode spec, String path) {
        Map<String, JsonNode> specFields = new LinkedHashMap<>();
        collect(spec, "", specFields);
        Map<String, JsonNode> ourFields = new LinkedHashMap<>();
        collect(ours, "", ourFields);
        for (Map.Entry<String, JsonNode> f : ourFields.entrySet()) {
            String key = f.getKey().replaceAll("^" + java.util.regex.Pattern.quote(path), "");
            assertThat(specFields).as("the specification's example has the field %s", f.getKey()).containsKey(f.getKey());
            assertThat(f.getValue().getNodeType()).as(key).isEqualTo(specFields.get(f.getKey()).getNodeType());
        }
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path + "." + e.getKey();
                out.putIfAbsent(p, e.getValue());
                collect(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, path + "[]", out);
            }
        }
    }

    @Test
    void discoveryHasTheFieldsOfTheSpecificationsExample() throws IOException {
        JsonNode ours = h.get("/cds-services").json();
        JsonNode spec = example("discovery.json");
        // Prefetch keys are each service's own: compare their values' type, not their names.
        ObjectNode oursGeneric = ours.deepCopy();
        oursGeneric.get("services").forEach(s -> {
            ObjectNode p = (ObjectNode) s.get("prefetch");
            p.removeAll();
            p.put("patient", "Patient/{{context.patientId}}");
        });
        assertShapeWithin(oursGeneric, spec, "");
        for (JsonNode s : ours.get("services")) {
            for (String required : new String[] {"hook", "description", "id"}) {
                assertThat(s.get(required).asText()).isNotBlank();
            }
        }
    }

    @Test
    void theSpecificationsExampleRequestIsAnswered() throws Exception {
        ObjectNode request = (ObjectNode) example("request.json");
        try (FakeFhirServer fhir = new FakeFhirServer(Map.of("Patient", Fixtures.patient(40), "Condition", Fixtures.bundle(),
                "Observation", Fixtures.bundle(), "MedicationRequest", Fixtures.bundle(), "MedicationStatement", Fixtures.bundle(),
                "Procedure", Fixtures.bundle(), "QuestionnaireResponse", Fixtures.bundle()))) {
            request.put("fhirServer", fhir.base()); // the example's server is not on this machine
            Harness.Reply r = h.post(PATIENT_VIEW, request.toString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("cards").size()).isEqualTo(1);
            assertThat(fhir.authorizations).containsOnly("Bearer some-opaque-fhir-access-token");
        }
    }

    @Test
    void everyCardHasOnlyFieldsOfTheSpecificationsExampleResponse() throws Exception {
        JsonNode spec = example("response.json");
        for (String intake : new String[] {Fixtures.intake("HERNIATED_DISC"), null}) {
            JsonNode ours = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(intake))).json();
            assertShapeWithin(ours, spec, "");
        }
        JsonNode referral = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view",
                Fixtures.prefetch(null, Fixtures.condition("http://snomed.info/sct", "363346000", "Malignant neoplastic disease")))).json();
        assertShapeWithin(referral, spec, "");
        JsonNode withSuggestion = h.post("/cds-services/sciatica-order-sign", referralOnAMassageOrder()).json();
        assertThat(withSuggestion.get("cards").get(0).get("suggestions").size()).isPositive();
        SuggestionsTest.assertEveryCardAndSuggestionHasAUuid(withSuggestion.get("cards"));
        // The example response has no suggestion: the card's other fields are checked against it, the suggestions above.
        ObjectNode withoutSuggestions = withSuggestion.deepCopy();
        withoutSuggestions.get("cards").forEach(c -> ((ObjectNode) c).remove("suggestions"));
        assertShapeWithin(withoutSuggestions, spec, "");
    }

    /** An order-sign call for a draft massage order of a client with cancer on record: one critical card, with a suggestion. */
    private static String referralOnAMassageOrder() throws IOException {
        ObjectNode body = (ObjectNode) Harness.JSON.readTree(Fixtures.hookRequest("order-sign",
                Fixtures.prefetch(null, Fixtures.condition("http://snomed.info/sct", "363346000", "Malignant neoplastic disease"))));
        ((ObjectNode) body.get("context")).set("draftOrders", Harness.JSON.readTree(Fixtures.bundle("""
                {"resourceType": "ServiceRequest", "id": "sr-1", "status": "draft", "intent": "order",
                 "subject": {"reference": "Patient/pat-1"}, "code": {"text": "Massage therapy"}}""")));
        return body.toString();
    }

    @Test
    void theSpecificationsFeedbackExamplesAreStoredAgainstOurCards() throws Exception {
        Set<String> used = new HashSet<>();
        long before = h.service.store().feedbackCount();
        for (String name : new String[] {"feedback-accepted.json", "feedback-overridden.json", "feedback-override-reason.json"}) {
            ObjectNode body = (ObjectNode) example(name);
            ObjectNode item = (ObjectNode) body.get("feedback").get(0);
            String path = PATIENT_VIEW;
            JsonNode card;
            if (item.has("acceptedSuggestions")) { // a suggestion of ours: the referral card on a massage order
                path = "/cds-services/sciatica-order-sign";
                card = h.post(path, referralOnAMassageOrder()).json().get("cards").get(0);
                ((ObjectNode) item.get("acceptedSuggestions").get(0)).put("id", card.get("suggestions").get(0).get("uuid").asText());
            } else {
                card = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION"))))
                        .json().get("cards").get(0);
            }
            used.add(card.get("uuid").asText());
            item.put("card", card.get("uuid").asText());
            Harness.Reply r = h.post(path + "/feedback", body.toString());
            assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(200);
        }
        assertThat(h.service.store().feedbackCount()).isEqualTo(before + used.size());
    }
}
