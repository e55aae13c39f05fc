package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/**
 * appointment-book, and the referral card's suggestions: delete the draft massage order (order-sign), cancel the
 * proposed massage appointment (appointment-book); feedback naming accepted suggestions, checked against the card's;
 * and a uuid on every card and every suggestion the services give.
 */
class SuggestionsTest extends SharedService {
    private static final String ORDER_SIGN = "/cds-services/sciatica-order-sign";
    private static final String APPOINTMENT_BOOK = "/cds-services/sciatica-appointment-book";
    private static final String CANCER = Fixtures.condition("http://hl7.org/fhir/sid/icd-10", "C61", "Malignant neoplasm of prostate");


    private static String order(String id, String text) {
        return """
                {"resourceType": "ServiceRequest", "id": "%s", "status": "draft", "intent": "order",
                 "subject": {"reference": "Patient/pat-1"}, "code": {"text": "%s"}}""".formatted(id, text);
    }

    private static String appointment(String id, String status, String serviceType) {
        return """
                {"resourceType": "Appointment", "id": "%s", "status": "%s",
                 "serviceType": [{"coding": [{"system": "http://example.org/clinic-services", "code": "svc-1", "display": "%s"}]}],
                 "start": "2026-12-10T10:00:00Z", "end": "2026-12-10T11:00:00Z",
                 "participant": [{"actor": {"reference": "Patient/pat-1"}, "status": "needs-action"}]}""".formatted(id, status, serviceType);
    }

    private static String call(String hook, String contextKey, String bundle, Map<String, String> prefetch) throws Exception {
        ObjectNode body = (ObjectNode) Harness.JSON.readTree(Fixtures.hookRequest(hook, prefetch));
        ((ObjectNode) body.get("context")).set(contextKey, Harness.JSON.readTree(bundle));
        return body.toString();
    }

    private static JsonNode cards(String path, String body) {
        Harness.Reply r = h.post(path, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cards = r.json().get("cards");
        assertEveryCardAndSuggestionHasAUuid(cards);
        return cards;
    }

    static void assertEveryCardAndSuggestionHasAUuid(JsonNode cards) {
        List<String> uuids = new ArrayList<>();
        for (JsonNode card : cards) {
            assertThat(card.path("uuid").asText()).as("card uuid in %s", card).matches("[0-9a-f-]{36}");
            uuids.add(card.get("uuid").asText());
            for (JsonNode s : card.path("suggestions")) {
                assertThat(s.path("uuid").asText()).as("suggestion uuid in %s", s).matches("[0-9a-f-]{36}");
                assertThat(s.path("label").asText()).isNotBlank();
                assertThat(s.path("actions").size()).isPositive();
                for (JsonNode a : s.get("actions")) {
                    assertThat(a.path("type").asText()).isIn("create", "update", "delete");
                }
                uuids.add(s.get("uuid").asText());
            }
        }
        assertThat(uuids).doesNotHaveDuplicates();
    }

    @Test
    void aReferralOnOrderSignSuggestsDeletingTheDraftMassageOrder() throws Exception {
        String orders = Fixtures.bundle(order("sr-massage", "Massage therapy, 6 sessions"), order("sr-xray", "Lumbar spine X-ray"));
        JsonNode cards = cards(ORDER_SIGN, call("order-sign", "draftOrders", orders, Fixtures.prefetch(null, CANCER)));
        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        assertThat(card.get("suggestions")).hasSize(1);
        JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("delete");
        assertThat(action.get("resourceId").get(0).asText()).isEqualTo("ServiceRequest/sr-massage");
    }

    @Test
    void aReferralOnAppointmentBookIsOneCriticalCardSuggestingToCancelTheMassageAppointment() throws Exception {
        String appointments = Fixtures.bundle(appointment("apt-1", "proposed", "Massage therapy"));
        JsonNode cards = cards(APPOINTMENT_BOOK, call("appointment-book", "appointments", appointments, Fixtures.prefetch(null, CANCER)));
        assertThat(cards).hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.get("indicator").asText()).isEqualTo("critical");
        JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
        assertThat(action.get("type").asText()).isEqualTo("update");
        assertThat(action.get("resource").get("resourceType").asText()).isEqualTo("Appointment");
        assertThat(action.get("resource").get("id").asText()).isEqualTo("apt-1");
        assertThat(action.get("resource").get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aMassageAppointmentWithoutARedFlagGetsThePatientViewCardsAndNoSuggestion() throws Exception {
        String appointments = Fixtures.bundle(appointment("apt-2", "proposed", "Massage therapy"));
        JsonNode cards = cards(APPOINTMENT_BOOK, call("appointment-book", "appointments", appointments,
                Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION"))));
        JsonNode patientView = h.post("/cds-services/sciatica-patient-view",
                Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION")))).json().get("cards");
        assertThat(cards.findValuesAsText("summary")).isEqualTo(patientView.findValuesAsText("summary"));
        assertThat(cards.findValues("suggestions")).isEmpty();
    }

    @Test
    void anAppointmentThatIsNotMassageOrNotProposedGetsNoCards() throws Exception {
        for (String appointment : List.of(appointment("apt-3", "proposed", "Physiotherapy"), appointment("apt-4", "booked", "Massage therapy"))) {
            JsonNode cards = cards(APPOINTMENT_BOOK, call("appointment-book", "appointments", Fixtures.bundle(appointment),
                    Fixtures.prefetch(null, CANCER)));
            assertThat(cards).as(appointment).isEmpty();
        }
        Harness.Reply missing = h.post(APPOINTMENT_BOOK, Fixtures.hookRequest("appointment-book", Fixtures.prefetch(null, CANCER)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").get("field").asText()).isEqualTo("context.appointments");
    }

    @Test
    void feedbackMayAcceptTheCardsOwnSuggestionsOnlyAndTheyAreStored() throws Exception {
        String orders = Fixtures.bundle(order("sr-9", "Massage therapy"));
        JsonNode card = cards(ORDER_SIGN, call("order-sign", "draftOrders", orders, Fixtures.prefetch(null, CANCER))).get(0);
        String cardUuid = card.get("uuid").asText();
        String suggestion = card.get("suggestions").get(0).get("uuid").asText();
        String other = "{\"feedback\": [{\"card\": \"" + cardUuid + "\", \"outcome\": \"accepted\", \"acceptedSuggestions\": [{\"id\": \"%s\"}], "
                + "\"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"}]}";
        Harness.Reply wrong = h.post(ORDER_SIGN + "/feedback", other.formatted("00000000-0000-0000-0000-000000000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("error").get("message").asText()).contains("offered no suggestion", "nothing was stored");
        assertThat(h.service.store().cardsWithFeedback()).doesNotContain(cardUuid);
        assertThat(h.post(ORDER_SIGN + "/feedback", other.formatted(suggestion)).status()).isEqualTo(200);
        assertThat(h.service.store().acceptedSuggestions(cardUuid)).containsExactly(suggestion);
        String overridden = "{\"feedback\": [{\"card\": \"" + cardUuid + "\", \"outcome\": \"overridden\", \"acceptedSuggestions\": [{\"id\": \""
                + suggestion + "\"}], \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"}]}";
        assertThat(h.post(ORDER_SIGN + "/feedback", overridden).status()).as("suggestions accepted on an overridden card").isEqualTo(400);
    }

    @Test
    void discoveryListsAppointmentBookWithThePrefetchTemplates() {
        JsonNode services = h.get("/cds-services").json().get("services");
        JsonNode book = null;
        for (JsonNode s : services) {
            if (s.get("hook").asText().equals("appointment-book")) {
                book = s;
            }
        }
        assertThat(book).isNotNull();
        assertThat(book.get("id").asText()).isEqualTo("sciatica-appointment-book");
        assertThat(book.get("prefetch").get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
        assertThat(book.get("prefetch").get("intake").asText()).contains("QuestionnaireResponse?patient={{context.patientId}}");
    }
}
