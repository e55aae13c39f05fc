package org.sciatica.advisor.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sciatica.advisor.service.fhir.FhirMapping;
import org.sciatica.advisor.service.fhir.Intake;

/** FHIR R4 resources of test patients, written as an EHR would send them, and hook requests around them. */
final class Fixtures {
    static final String PATIENT_ID = "pat-1";

    private Fixtures() {
    }

    static String patient(int age) {
        return """
                {"resourceType": "Patient", "id": "pat-1", "birthDate": "%s"}""".formatted(LocalDate.now().minusYears(age).minusDays(10));
    }

    static String bundle(String... resources) {
        StringBuilder entries = new StringBuilder();
        for (String r : resources) {
            if (entries.length() > 0) {
                entries.append(',');
            }
            entries.append("{\"resource\": ").append(r).append('}');
        }
        return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + entries + "]}";
    }

    static String condition(String system, String code, String display) {
        return """
                {"resourceType": "Condition", "subject": {"reference": "Patient/pat-1"},
                 "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                 "code": {"coding": [{"system": "%s", "code": "%s", "display": "%s"}]}}""".formatted(system, code, display);
    }

    static String painScore(int score) {
        return """
                {"resourceType": "Observation", "status": "final", "subject": {"reference": "Patient/pat-1"},
                 "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3",
                   "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}]},
                 "effectiveDateTime": "%s", "valueQuantity": {"value": %d, "system": "http://unitsofmeasure.org", "code": "{score}"}}"""
                .formatted(LocalDate.now().minusDays(1), score);
    }

    static String anticoagulant() {
        return """
                {"resourceType": "MedicationRequest", "status": "active", "intent": "order", "subject": {"reference": "Patient/pat-1"},
                 "medicationCodeableConcept": {"coding": [{"system": "http://www.whocc.no/atc", "code": "B01AF01", "display": "rivaroxaban"}]}}""";
    }

    static String spinalSurgery(LocalDate when) {
        return """
                {"resourceType": "Procedure", "status": "completed", "subject": {"reference": "Patient/pat-1"},
                 "code": {"text": "Lumbar discectomy"}, "performedDateTime": "%s"}""".formatted(when);
    }

    /** A completed intake: muscle tension, moderate sensitivity, no inflammation, pain 5, tense piriformis. */
    static String intake(String cause) {
        String system = Intake.ANSWER_SYSTEM;
        return """
                {"resourceType": "QuestionnaireResponse", "status": "completed", "questionnaire": "%s",
                 "subject": {"reference": "Patient/pat-1"}, "authored": "%s",
                 "item": [
                  {"linkId": "cause", "answer": [{"valueCoding": {"system": "%s#cause", "code": "%s"}}]},
                  {"linkId": "sensitivity", "answer": [{"valueCoding": {"system": "%s#sensitivity", "code": "MODERATE"}}]},
                  {"linkId": "inflammation", "answer": [{"valueCoding": {"system": "%s#inflammation", "code": "NONE"}}]},
                  {"linkId": "painLevel", "answer": [{"valueInteger": 5}]},
                  {"linkId": "course", "answer": [{"valueCoding": {"system": "%s#course", "code": "CHRONIC"}}]},
                  {"linkId": "tenseAreas", "answer": [{"valueCoding": {"system": "%s#tenseAreas", "code": "PIRIFORMIS"}},
                                                     {"valueCoding": {"system": "%s#tenseAreas", "code": "GLUTEUS_MEDIUS"}}]}
                 ]}""".formatted(FhirMapping.INTAKE_CANONICAL, LocalDate.now(), system, cause, system, system, system, system, system);
    }

    /** Every declared prefetch key: a 45-year-old with no conditions, pain 5 on record, and the given intake (or none). */
    static Map<String, String> prefetch(String intakeOrNull, String... conditions) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("patient", patient(45));
        p.put("conditions", bundle(conditions));
        p.put("observations", bundle(painScore(5)));
        p.put("medicationRequests", bundle());
        p.put("medicationStatements", bundle());
        p.put("procedures", bundle());
        p.put("intake", intakeOrNull == null ? bundle() : bundle(intakeOrNull));
        return p;
    }

    static String hookRequest(String hook, Map<String, String> prefetch) {
        return hookRequest(hook, prefetch, null, null);
    }

    static String hookRequest(String hook, Map<String, String> prefetch, String fhirServer, String accessToken) {
        ObjectNode root = Harness.JSON.createObjectNode();
        root.put("hookInstance", java.util.UUID.randomUUID().toString());
        root.put("hook", hook);
        ObjectNode context = root.putObject("context");
        context.put("userId", "Practitioner/therapist-1");
        context.put("patientId", PATIENT_ID);
        if (fhirServer != null) {
            root.put("fhirServer", fhirServer);
            ObjectNode auth = root.putObject("fhirAuthorization");
            auth.put("access_token", accessToken);
            auth.put("token_type", "Bearer");
            auth.put("expires_in", 300);
            auth.put("scope", "user/Patient.read user/Condition.read user/Observation.read");
            auth.put("subject", "sciatica-advisor");
        }
        ObjectNode pre = root.putObject("prefetch");
        prefetch.forEach((k, v) -> {
            try {
                pre.set(k, Harness.JSON.readTree(v));
            } catch (Exception e) {
                throw new IllegalStateException(k + ": " + e.getMessage(), e);
            }
        });
        return root.toString();
    }
}
