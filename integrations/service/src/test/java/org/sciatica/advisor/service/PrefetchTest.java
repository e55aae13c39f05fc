package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Prefetch complete, partial (the rest fetched from the FHIR server with the token given) and missing (412). */
class PrefetchTest extends SharedService {
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";
    private static final String ACCESS_TOKEN = "fhir-access-token-7f3a9c";

    private static Map<String, String> byType(Map<String, String> prefetch) {
        Map<String, String> byType = new LinkedHashMap<>();
        byType.put("Patient", prefetch.get("patient"));
        byType.put("Condition", prefetch.get("conditions"));
        byType.put("Observation", prefetch.get("observations"));
        byType.put("MedicationRequest", prefetch.get("medicationRequests"));
        byType.put("MedicationStatement", prefetch.get("medicationStatements"));
        byType.put("Procedure", prefetch.get("procedures"));
        byType.put("QuestionnaireResponse", prefetch.get("intake"));
        return byType;
    }

    @Test
    void aPartialPrefetchIsCompletedFromTheFhirServerWithTheTokenGiven() throws Exception {
        Map<String, String> full = Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION"));
        Map<String, String> partial = new LinkedHashMap<>(full);
        partial.remove("intake");
        partial.remove("conditions");
        try (FakeFhirServer fhir = new FakeFhirServer(byType(full))) {
            Harness.Reply r = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", partial, fhir.base(), ACCESS_TOKEN));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("cards").get(0).get("summary").asText()).startsWith("Massage");
            assertThat(fhir.queries).hasSize(2).anyMatch(q -> q.startsWith("/fhir/Condition?patient=pat-1"))
                    .anyMatch(q -> q.startsWith("/fhir/QuestionnaireResponse?patient=pat-1"));
            assertThat(fhir.authorizations).containsOnly("Bearer " + ACCESS_TOKEN);
        }
    }

    @Test
    void noPrefetchAtAllIsFetchedWhole() throws Exception {
        Map<String, String> full = Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION"));
        try (FakeFhirServer fhir = new FakeFhirServer(byType(full))) {
            Harness.Reply r = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", Map.of(), fhir.base(), ACCESS_TOKEN));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(fhir.queries).hasSize(7);
        }
    }

    @Test
    void missingPrefetchWithoutAFhirServerIs412NamingTheKeys() {
        Map<String, String> partial = new LinkedHashMap<>(Fixtures.prefetch(null));
        partial.remove("conditions");
        Harness.Reply r = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", partial));
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.json().get("error").get("message").asText()).contains("conditions");
    }

    @Test
    void aFhirServerThatCannotAnswerIs412() throws Exception {
        Map<String, String> partial = new LinkedHashMap<>(Fixtures.prefetch(null));
        partial.remove("procedures");
        try (FakeFhirServer fhir = new FakeFhirServer(Map.of())) {
            Harness.Reply r = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", partial, fhir.base(), ACCESS_TOKEN));
            assertThat(r.status()).isEqualTo(412);
            assertThat(r.json().get("error").get("message").asText()).contains("procedures", "404");
        }
    }
}
