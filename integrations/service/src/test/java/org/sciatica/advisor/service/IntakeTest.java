package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Condition;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Symptom;
import org.sciatica.advisor.service.fhir.FhirMapping;
import org.sciatica.advisor.service.fhir.Intake;

/** The published intake Questionnaire parses as FHIR R4 and asks every field a therapist assesses, with every value. */
class IntakeTest {
    @Test
    void theQuestionnaireParsesAndAsksEveryFieldWithEveryValue() {
        Questionnaire q = FhirMapping.context().newJsonParser().parseResource(Questionnaire.class, Intake.questionnaireJson());
        assertThat(q.getUrl()).isEqualTo(FhirMapping.INTAKE_CANONICAL);
        assertThat(q.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
                .containsExactly("cause", "sensitivity", "inflammation", "painLevel", "course", "symptoms", "tenseAreas", "redFlags", "conditions");
        assertThat(codes(q, "cause")).containsExactlyElementsOf(names(Cause.values()));
        assertThat(codes(q, "symptoms")).containsExactlyElementsOf(names(Symptom.values()));
        assertThat(codes(q, "tenseAreas")).containsExactlyElementsOf(names(BodyArea.values()));
        assertThat(codes(q, "redFlags")).containsExactlyElementsOf(names(RedFlag.values()));
        assertThat(codes(q, "conditions")).containsExactlyElementsOf(names(Condition.values()));
        assertThat(q.getItem().stream().filter(Questionnaire.QuestionnaireItemComponent::getRequired).map(Questionnaire.QuestionnaireItemComponent::getLinkId))
                .containsExactly("cause", "sensitivity", "inflammation", "painLevel");
    }

    private static List<String> codes(Questionnaire q, String linkId) {
        return q.getItem().stream().filter(i -> i.getLinkId().equals(linkId)).findFirst().orElseThrow().getAnswerOption().stream()
                .map(o -> ((Coding) o.getValue()).getCode()).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
