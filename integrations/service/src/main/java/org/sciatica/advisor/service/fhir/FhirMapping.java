package org.sciatica.advisor.service.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.RedFlag;

/**
 * FHIR R4 prefetch to the fields of an assessment, as docs/FHIR-MAPPING.md tabulates: the record gives age,
 * red flags, conditions, a coded cause and the pain score; the project's intake QuestionnaireResponse gives
 * what only a therapist assesses. The result is assessment JSON, so the library's own parser validates it
 * and its messages reach the caller.
 */
public final class FhirMapping {
    /** The canonical URL of the intake Questionnaire (also its {@code url} element). */
    public static final String INTAKE_CANONICAL = "https://sciatica-advisor.github.io/fhir/Questionnaire/sciatica-intake";
    /** How long after an operation it still counts as recent surgery (the rules' RECENT_SURGERY). */
    public static final int RECENT_SURGERY_DAYS = 84;
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String ATC = "http://www.whocc.no/atc";
    static final String PAIN_SCORE = "72514-3";
    static final String PREGNANCY_STATUS = "82810-3";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The prefetch keys the services declare, with the FHIR type each holds. */
    public static final Map<String, String> PREFETCH_TYPES;
    /** The prefetch templates of the services' discovery entries. */
    public static final Map<String, String> PREFETCH;

    static {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> templates = new LinkedHashMap<>();
        put(types, templates, "patient", "Patient", "Patient/{{context.patientId}}");
        put(types, templates, "conditions", "Condition", "Condition?patient={{context.patientId}}&clinical-status=active");
        put(types, templates, "observations", "Observation", "Observation?patient={{context.patientId}}&code="
                + LOINC + "|" + PAIN_SCORE + "," + LOINC + "|" + PREGNANCY_STATUS + "&_sort=-date");
        put(types, templates, "medicationRequests", "MedicationRequest", "MedicationRequest?patient={{context.patientId}}&status=active");
        put(types, templates, "medicationStatements", "MedicationStatement", "MedicationStatement?patient={{context.patientId}}&status=active");
        put(types, templates, "procedures", "Procedure", "Procedure?patient={{context.patientId}}&status=completed");
        put(types, templates, "intake", "QuestionnaireResponse", "QuestionnaireResponse?patient={{context.patientId}}&questionnaire="
                + INTAKE_CANONICAL + "&status=completed&_sort=-authored&_count=1");
        PREFETCH_TYPES = Map.copyOf(types);
        PREFETCH = java.util.Collections.unmodifiableMap(templates);
    }

    private static void put(Map<String, String> types, Map<String, String> templates, String key, String type, String template) {
        types.put(key, type);
        templates.put(key, template);
    }

    private static volatile @Nullable FhirContext context;

    private FhirMapping() {
    }

    /** The one FhirContext of the process (it takes seconds to build). */
    public static FhirContext context() {
        FhirContext c = context;
        if (c == null) {
            synchronized (FhirMapping.class) {
                c = context;
                if (c == null) {
                    c = FhirContext.forR4();
                    context = c;
                }
            }
        }
        return c;
    }

    /** Prefetch that is not what its key declares. */
    public static final class PrefetchException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String key;

        PrefetchException(String key, String message) {
            super(message, null, false, false);
            this.key = key;
        }

        /** @return the prefetch key, as {@code prefetch.KEY} */
        public String field() {
            return "prefetch." + key;
        }
    }

    /**
     * Parses one prefetch value and checks its type: a Patient for {@code patient}, otherwise a Bundle (a
     * searchset) whose entries are all of the key's type (an OperationOutcome entry is skipped).
     *
     * @param key the prefetch key
     * @param json the JSON of the value
     * @return the resource
     */
    public static Resource parse(String key, String json) {
        String type = PREFETCH_TYPES.get(key);
        if (type == null) {
            throw new PrefetchException(key, "unknown prefetch key; the service declares " + String.join(", ", PREFETCH_TYPES.keySet()));
        }
        IParser parser = context().newJsonParser();
        IBaseResource resource;
        try {
            resource = parser.parseResource(json);
        } catch (DataFormatException e) {
            throw new PrefetchException(key, "not a FHIR R4 resource: " + e.getMessage());
        }
        String expected = key.equals("patient") ? "Patient" : "Bundle";
        String actual = resource.fhirType();
        if (!actual.equals(expected)) {
            throw new PrefetchException(key, "must be a " + expected + (expected.equals("Bundle") ? " of " + type : "")
                    + ", was a " + actual);
        }
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource r = entry.getResource();
                if (r != null && !r.fhirType().equals(type) && !r.fhirType().equals("OperationOutcome")) {
                    throw new PrefetchException(key, "must be a Bundle of " + type + ", has a " + r.fhirType());
                }
            }
        }
        return (Resource) resource;
    }

    /**
     * What the record and the intake say.
     *
     * @param assessment assessment JSON from the record and intake (for the library's parser)
     * @param missing the required fields neither gave, in the assessment's order
     * @param recordRedFlags the red flags the record alone gave
     */
    public record Mapped(ObjectNode assessment, List<String> missing, Set<RedFlag> recordRedFlags) {
    }

    /**
     * Maps the prefetch to assessment JSON.
     *
     * @param prefetch every declared key to its parsed resource
     * @param today the date ages and recent operations are reckoned from
     * @return the assessment fields and what is missing
     */
    public static Mapped map(Map<String, Resource> prefetch, LocalDate today) {
        Objects.requireNonNull(prefetch, "prefetch");
        Set<RedFlag> redFlags = EnumSet.noneOf(RedFlag.class);
        Set<org.sciatica.advisor.Condition> conditions = EnumSet.noneOf(org.sciatica.advisor.Condition.class);
        Set<String> causes = new LinkedHashSet<>();
        Integer age = null;
        if (prefetch.get("patient") instanceof Patient patient && patient.hasBirthDate()) {
            LocalDate born = patient.getBirthDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            age = Period.between(born, today).getYears();
        }
        for (Resource r : entries(prefetch.get("conditions"))) {
            Condition c = (Condition) r;
            if (!isActive(c)) {
                continue;
            }
            for (Coding coding : c.getCode().getCoding()) {
                Codes.RED_FLAGS.forEach((flag, matcher) -> { if (matcher.matches(coding)) redFlags.add(flag); });
                Codes.CONDITIONS.forEach((cond, matcher) -> { if (matcher.matches(coding)) conditions.add(cond); });
                Codes.CAUSES.forEach((cause, matcher) -> { if (matcher.matches(coding)) causes.add(cause); });
            }
        }
        Integer painLevel = null;
        Date painAt = null;
        for (Resource r : entries(prefetch.get("observations"))) {
            Observation o = (Observation) r;
            if (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR || o.getStatus() == Observation.ObservationStatus.CANCELLED) {
                continue;
            }
            if (hasCode(o.getCode(), LOINC, PAIN_SCORE)) {
                Integer score = integer(o.getValue());
                Date at = o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType().getValue() : o.getIssued();
                if (score != null && (painAt == null || (at != null && at.after(painAt)))) {
                    painLevel = score;
                    painAt = at;
                }
            } else if (hasCode(o.getCode(), LOINC, PREGNANCY_STATUS) && o.getValue() instanceof CodeableConcept value
                    && (hasCode(value, SNOMED, "77386006") || hasCode(value, LOINC, "LA15173-0"))) {
                conditions.add(org.sciatica.advisor.Condition.PREGNANCY);
            }
        }
        for (Resource r : entries(prefetch.get("medicationRequests"))) {
            MedicationRequest m = (MedicationRequest) r;
            if (m.hasMedicationCodeableConcept()) {
                medication(m.getMedicationCodeableConcept(), conditions);
            }
        }
        for (Resource r : entries(prefetch.get("medicationStatements"))) {
            MedicationStatement m = (MedicationStatement) r;
            if (m.hasMedicationCodeableConcept()) {
                medication(m.getMedicationCodeableConcept(), conditions);
            }
        }
        for (Resource r : entries(prefetch.get("procedures"))) {
            Procedure p = (Procedure) r;
            LocalDate performed = performed(p);
            if (p.getStatus() == Procedure.ProcedureStatus.COMPLETED && performed != null
                    && !performed.isAfter(today) && !performed.isBefore(today.minusDays(RECENT_SURGERY_DAYS))) {
                conditions.add(org.sciatica.advisor.Condition.RECENT_SURGERY);
                if (Codes.isSpinal(p)) {
                    conditions.add(org.sciatica.advisor.Condition.RECENT_SPINAL_SURGERY);
                }
            }
        }
        ObjectNode assessment = JSON.createObjectNode();
        Intake.Answers intake = Intake.answers(entries(prefetch.get("intake")));
        // The therapist's intake speaks for today; the record adds what it knows.
        String cause = intake.single("cause");
        if (cause == null && !causes.isEmpty()) {
            cause = Codes.mostCautious(causes);
        }
        if (cause != null) {
            assessment.put("cause", cause);
        }
        copy(intake, "sensitivity", assessment);
        copy(intake, "inflammation", assessment);
        String intakePain = intake.single("painLevel");
        if (intakePain != null) {
            assessment.set("painLevel", number(intakePain));
        } else if (painLevel != null) {
            assessment.put("painLevel", painLevel);
        }
        if (age != null) {
            assessment.put("age", age);
        }
        copy(intake, "course", assessment);
        set(assessment, "symptoms", intake.all("symptoms"), List.of());
        set(assessment, "tenseAreas", intake.all("tenseAreas"), List.of());
        set(assessment, "redFlags", intake.all("redFlags"), redFlags.stream().map(Enum::name).toList());
        set(assessment, "conditions", intake.all("conditions"), conditions.stream().map(Enum::name).toList());
        List<String> missing = new ArrayList<>();
        for (String required : List.of("cause", "sensitivity", "inflammation", "painLevel")) {
            if (!assessment.has(required)) {
                missing.add(required);
            }
        }
        return new Mapped(assessment, missing, Set.copyOf(redFlags));
    }

    private static JsonNode number(String text) {
        try {
            return JSON.getNodeFactory().numberNode(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return JSON.getNodeFactory().textNode(text); // the library's parser names the field and the value
        }
    }

    private static void copy(Intake.Answers intake, String field, ObjectNode assessment) {
        String value = intake.single(field);
        if (value != null) {
            assessment.put(field, value);
        }
    }

    private static void set(ObjectNode assessment, String field, List<String> fromIntake, List<String> fromRecord) {
        Set<String> all = new LinkedHashSet<>(fromIntake);
        all.addAll(fromRecord);
        if (!all.isEmpty()) {
            ArrayNode array = assessment.putArray(field);
            all.forEach(array::add);
        }
    }

    private static void medication(CodeableConcept concept, Set<org.sciatica.advisor.Condition> conditions) {
        for (Coding coding : concept.getCoding()) {
            if (ATC.equals(coding.getSystem()) && coding.getCode() != null) {
                String code = coding.getCode().toUpperCase(Locale.ROOT);
                if (code.startsWith("B01A")) {
                    conditions.add(org.sciatica.advisor.Condition.ANTICOAGULANT_THERAPY);
                }
                if (code.startsWith("H02AB")) {
                    conditions.add(org.sciatica.advisor.Condition.LONG_TERM_CORTICOSTEROIDS);
                }
            }
        }
    }

    private static @Nullable LocalDate performed(Procedure p) {
        Date date = null;
        if (p.hasPerformedDateTimeType()) {
            date = p.getPerformedDateTimeType().getValue();
        } else if (p.hasPerformedPeriod()) {
            date = p.getPerformedPeriod().hasEnd() ? p.getPerformedPeriod().getEnd() : p.getPerformedPeriod().getStart();
        }
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean isActive(Condition c) {
        if (c.hasVerificationStatus() && (hasCode(c.getVerificationStatus(), null, "refuted")
                || hasCode(c.getVerificationStatus(), null, "entered-in-error"))) {
            return false;
        }
        return !c.hasClinicalStatus() || hasCode(c.getClinicalStatus(), null, "active")
                || hasCode(c.getClinicalStatus(), null, "recurrence") || hasCode(c.getClinicalStatus(), null, "relapse");
    }

    static boolean hasCode(CodeableConcept concept, @Nullable String system, String code) {
        for (Coding c : concept.getCoding()) {
            if ((system == null || system.equals(c.getSystem())) && code.equals(c.getCode())) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Integer integer(@Nullable Type value) {
        if (value instanceof org.hl7.fhir.r4.model.Quantity q && q.hasValue()) {
            return q.getValue().intValue() == q.getValue().doubleValue() ? q.getValue().intValue() : null;
        }
        if (value instanceof org.hl7.fhir.r4.model.IntegerType i) {
            return i.getValue();
        }
        return null;
    }

    private static List<Resource> entries(@Nullable Resource resource) {
        if (resource instanceof Bundle bundle) {
            List<Resource> list = new ArrayList<>();
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                if (e.getResource() != null && !e.getResource().fhirType().equals("OperationOutcome")) {
                    list.add(e.getResource());
                }
            }
            return list;
        }
        return List.of();
    }

    /**
     * Whether an order is for massage therapy: its code's text or a coding's display names massage (order
     * catalogues code massage locally as often as in SNOMED CT, so the words are read).
     *
     * @param order a draft order
     * @return whether it orders massage
     */
    public static boolean isMassage(org.hl7.fhir.r4.model.ServiceRequest order) {
        CodeableConcept code = order.getCode();
        if (code.getText() != null && code.getText().toLowerCase(Locale.ROOT).contains("massage")) {
            return true;
        }
        return code.getCoding().stream().anyMatch(c -> c.getDisplay() != null && c.getDisplay().toLowerCase(Locale.ROOT).contains("massage"));
    }

    /**
     * Whether a proposed appointment is for massage therapy: its service type, appointment type, specialty or reason
     * names massage (in a text or a coding's display), or its description does, as for orders.
     *
     * @param appointment the appointment
     * @return whether it is for massage therapy
     */
    public static boolean isMassage(org.hl7.fhir.r4.model.Appointment appointment) {
        List<CodeableConcept> concepts = new ArrayList<>(appointment.getServiceType());
        concepts.add(appointment.getAppointmentType());
        concepts.addAll(appointment.getSpecialty());
        concepts.addAll(appointment.getReasonCode());
        boolean coded = concepts.stream().anyMatch(c -> mentionsMassage(c.getText())
                || c.getCoding().stream().anyMatch(x -> mentionsMassage(x.getDisplay())));
        return coded || mentionsMassage(appointment.getDescription());
    }

    private static boolean mentionsMassage(@Nullable String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("massage");
    }

    /** @return the QuestionnaireResponse entries of the intake prefetch, newest first as searched */
    static List<QuestionnaireResponse> intakes(@Nullable Resource resource) {
        return entries(resource).stream().map(QuestionnaireResponse.class::cast).toList();
    }
}
