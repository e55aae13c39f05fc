package org.sciatica.advisor.service.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Sensitivity;
import org.sciatica.advisor.Symptom;

/**
 * The project's intake Questionnaire and the reading of its QuestionnaireResponse. The Questionnaire is
 * generated from the library's enums (one source of truth: a value the library adds is asked at once); each
 * item's {@code linkId} is the assessment field it fills and each answer's code is the field's value.
 */
public final class Intake {
    /** The code system of the answers: the field's name follows the {@code #}. */
    public static final String ANSWER_SYSTEM = "https://sciatica-advisor.github.io/fhir/CodeSystem/assessment";

    private Intake() {
    }

    /** The intake Questionnaire, as FHIR R4 JSON. */
    public static String questionnaireJson() {
        Questionnaire q = new Questionnaire();
        q.setId("sciatica-intake");
        q.setUrl(FhirMapping.INTAKE_CANONICAL);
        q.setName("SciaticaIntake");
        q.setTitle("Sciatica massage intake");
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.setDescription("What a massage therapist assesses before the Sciatica Advisor can advise: each item's linkId is "
                + "the assessment field it fills.");
        q.addSubjectType("Patient");
        choice(q, "cause", "What causes the sciatica, as far as known?", Cause.values(), true, false);
        choice(q, "sensitivity", "Pressure sensitivity", Sensitivity.values(), true, false);
        choice(q, "inflammation", "Inflammation", Inflammation.values(), true, false);
        Questionnaire.QuestionnaireItemComponent pain = q.addItem().setLinkId("painLevel").setText("Pain now, 0 (none) to 10 (worst)")
                .setType(Questionnaire.QuestionnaireItemType.INTEGER).setRequired(true);
        pain.addCode(new Coding("http://loinc.org", FhirMapping.PAIN_SCORE, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
        choice(q, "course", "Course of the sciatica", Course.values(), false, false);
        choice(q, "symptoms", "Symptoms", Symptom.values(), false, true);
        choice(q, "tenseAreas", "Tense areas", BodyArea.values(), false, true);
        choice(q, "redFlags", "Red flags (ask each)", RedFlag.values(), false, true);
        choice(q, "conditions", "Conditions", Condition.values(), false, true);
        return FhirMapping.context().newJsonParser().setPrettyPrint(true).encodeResourceToString(q);
    }

    private static void choice(Questionnaire q, String field, String text, Enum<?>[] values, boolean required, boolean repeats) {
        Questionnaire.QuestionnaireItemComponent item = q.addItem().setLinkId(field).setText(text)
                .setType(Questionnaire.QuestionnaireItemType.CHOICE).setRequired(required).setRepeats(repeats);
        for (Enum<?> v : values) {
            item.addAnswerOption().setValue(new Coding(ANSWER_SYSTEM + "#" + field, v.name(), display(v.name())));
        }
    }

    private static String display(String name) {
        String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The answers of one intake: linkId to the codes or numbers given. */
    record Answers(Map<String, List<String>> byField) {
        @Nullable String single(String field) {
            List<String> values = byField.get(field);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String field) {
            return byField.getOrDefault(field, List.of());
        }
    }

    /** The newest completed response to the project's intake among the resources (the prefetch sorts it first). */
    static Answers answers(List<Resource> resources) {
        for (Resource r : resources) {
            QuestionnaireResponse qr = (QuestionnaireResponse) r;
            String questionnaire = qr.getQuestionnaire();
            if (qr.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED && questionnaire != null
                    && (questionnaire.equals(FhirMapping.INTAKE_CANONICAL) || questionnaire.startsWith(FhirMapping.INTAKE_CANONICAL + "|"))) {
                Map<String, List<String>> byField = new LinkedHashMap<>();
                collect(qr.getItem(), byField);
                return new Answers(byField);
            }
        }
        return new Answers(Map.of());
    }

    private static void collect(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, Map<String, List<String>> byField) {
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
            for (QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                String value = null;
                if (answer.getValue() instanceof Coding coding) {
                    value = coding.getCode();
                } else if (answer.getValue() instanceof IntegerType i) {
                    value = String.valueOf(i.getValue());
                } else if (answer.getValue() instanceof CodeType code) {
                    value = code.getValue();
                } else if (answer.hasValueStringType()) {
                    value = answer.getValueStringType().getValue();
                }
                if (value != null) {
                    byField.computeIfAbsent(item.getLinkId(), k -> new ArrayList<>()).add(value);
                }
                collect(answer.getItem(), byField);
            }
            collect(item.getItem(), byField);
        }
    }
}
