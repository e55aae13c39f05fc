package org.sciatica.advisor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.BodyArea;
import org.sciatica.advisor.Cause;
import org.sciatica.advisor.Course;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.RedFlag;
import org.sciatica.advisor.Symptom;

/** Reading an assessment from JSON: everything the specification allows, and a clear error for the rest. */
class AssessmentJsonTest {
    private static final String VALID = "\"cause\":\"HERNIATED_DISC\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":5";

    @Test
    void readsEveryField() {
        Assessment a = AssessmentJson.parse("{\"id\":\"case-7\"," + VALID + ",\"course\":\"CHRONIC\","
                + "\"symptoms\":[\"TINGLING\",\"TINGLING\"],\"tenseAreas\":[\"SOLEUS\"],\"redFlags\":[\"FEVER\"],\"conditions\":[]}");
        assertThat(a.id()).isEqualTo("case-7");
        assertThat(a.cause()).isEqualTo(Cause.HERNIATED_DISC);
        assertThat(a.painLevel()).isEqualTo(5);
        assertThat(a.course()).isEqualTo(Course.CHRONIC);
        assertThat(a.symptoms()).containsExactly(Symptom.TINGLING);
        assertThat(a.tenseAreas()).containsExactly(BodyArea.SOLEUS);
        assertThat(a.redFlags()).containsExactly(RedFlag.FEVER);
        assertThat(a.conditions()).isEmpty();
    }

    @Test
    void nullForAnOptionalFieldMeansNotReported() {
        Assessment a = AssessmentJson.parse("{" + VALID + ",\"id\":null,\"course\":null,\"symptoms\":null}");
        assertThat(a.id()).isNull();
        assertThat(a.course()).isNull();
        assertThat(a.symptoms()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cause        | {"sensitivity":"LOW","inflammation":"NONE","painLevel":5}                                   | cause is required; one of MUSCLE_TENSION, PIRIFORMIS_SYNDROME, GLUTEUS_MINIMUS_REFERRAL, HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN
            sensitivity  | {"cause":"UNKNOWN","inflammation":"NONE","painLevel":5}                                     | sensitivity is required; one of LOW, MODERATE, HIGH
            inflammation | {"cause":"UNKNOWN","sensitivity":"LOW","painLevel":5}                                       | inflammation is required; one of NONE, MILD, ACUTE
            painLevel    | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE"}                               | painLevel is required; a whole number from 0 to 10
            cause        | {"cause":"DISC","sensitivity":"LOW","inflammation":"NONE","painLevel":5}                    | cause: "DISC" is not one of MUSCLE_TENSION, PIRIFORMIS_SYNDROME, GLUTEUS_MINIMUS_REFERRAL, HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN
            cause        | {"cause":"herniated_disc","sensitivity":"LOW","inflammation":"NONE","painLevel":5}          | cause: "herniated_disc" is not one of MUSCLE_TENSION, PIRIFORMIS_SYNDROME, GLUTEUS_MINIMUS_REFERRAL, HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN
            cause        | {"cause":null,"sensitivity":"LOW","inflammation":"NONE","painLevel":5}                      | cause is required, was null; one of MUSCLE_TENSION, PIRIFORMIS_SYNDROME, GLUTEUS_MINIMUS_REFERRAL, HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN
            cause        | {"cause":3,"sensitivity":"LOW","inflammation":"NONE","painLevel":5}                         | cause must be a text, one of MUSCLE_TENSION, PIRIFORMIS_SYNDROME, GLUTEUS_MINIMUS_REFERRAL, HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN; was the number 3
            sensitivity  | {"cause":"UNKNOWN","sensitivity":"VERY_HIGH","inflammation":"NONE","painLevel":5}           | sensitivity: "VERY_HIGH" is not one of LOW, MODERATE, HIGH
            inflammation | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":true,"painLevel":5}                   | inflammation must be a text, one of NONE, MILD, ACUTE; was true
            painLevel    | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":15}                | painLevel must be a whole number from 0 to 10, was 15
            painLevel    | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":-1}                | painLevel must be a whole number from 0 to 10, was -1
            painLevel    | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5.5}               | painLevel must be a whole number from 0 to 10, was the number 5.5
            painLevel    | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":"5"}               | painLevel must be a whole number from 0 to 10, was the text "5"
            painLevel    | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":99999999999999999999} | painLevel must be a whole number from 0 to 10, was 99999999999999999999
            painLevel    | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":null}              | painLevel is required, was null; a whole number from 0 to 10
            course       | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"course":"LONG"} | course: "LONG" is not one of ACUTE, CHRONIC, RECURRING
            symptoms     | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"symptoms":"TINGLING"} | symptoms must be a list [...] of SHOOTING_PAIN, BURNING_PAIN, TINGLING, NUMBNESS, WEAKNESS, PINS_AND_NEEDLES, STIFFNESS, MUSCLE_SPASM; was the text "TINGLING"
            symptoms     | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"symptoms":["ITCH"]} | symptoms: "ITCH" is not one of SHOOTING_PAIN, BURNING_PAIN, TINGLING, NUMBNESS, WEAKNESS, PINS_AND_NEEDLES, STIFFNESS, MUSCLE_SPASM
            tenseAreas   | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"tenseAreas":["NECK"]} | tenseAreas: "NECK" is not one of LOWER_BACK, GLUTEUS_MAXIMUS, GLUTEUS_MEDIUS, GLUTEUS_MINIMUS, PIRIFORMIS, HAMSTRINGS, IT_BAND, HIP_ROTATORS, SOLEUS, GASTROCNEMIUS
            redFlags     | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"redFlags":[null]} | redFlags entries must be texts, one of SADDLE_ANESTHESIA, BLADDER_DYSFUNCTION, BOWEL_DYSFUNCTION, SEXUAL_DYSFUNCTION, BILATERAL_SCIATICA, PROGRESSIVE_WEAKNESS, FOOT_DROP, FEVER, HISTORY_OF_CANCER, UNEXPLAINED_WEIGHT_LOSS, IMMUNOSUPPRESSION, RECENT_MAJOR_TRAUMA, NIGHT_PAIN, IV_DRUG_USE, RECENT_BACTERIAL_INFECTION; was null
            conditions   | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"conditions":["DVT"]} | conditions: "DVT" is not one of DEEP_VEIN_THROMBOSIS, ANTICOAGULANT_THERAPY, BLEEDING_DISORDER, PERIPHERAL_NEUROPATHY, DIABETES, PREGNANCY, OSTEOPOROSIS, RECENT_SURGERY, SKIN_CONDITION, VARICOSE_VEINS, LONG_TERM_CORTICOSTEROIDS, RECENT_SPINAL_SURGERY, OPEN_WOUND, RECENT_MINOR_TRAUMA
            id           | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"id":7}          | id must be a text, was the number 7
            painlevel    | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painlevel":5}                 | unknown field "painlevel" (did you mean "painLevel"?); allowed fields: id, cause, sensitivity, inflammation, painLevel, age, course, symptoms, tenseAreas, redFlags, conditions, clinicFindings
            weight       | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"weight":40}     | unknown field "weight"; allowed fields: id, cause, sensitivity, inflammation, painLevel, age, course, symptoms, tenseAreas, redFlags, conditions, clinicFindings
            age          | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"age":121}       | age must be a whole number of years from 0 to 120, was 121
            age          | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"age":"40"}      | age must be a whole number of years from 0 to 120, was the text "40"
            age          | {"cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5,"age":40.5}      | age must be a whole number of years from 0 to 120, was the number 40.5
            cause        | {"cause":"UNKNOWN","cause":"UNKNOWN","sensitivity":"LOW","inflammation":"NONE","painLevel":5} | cause appears twice; give each field once (at line 1, column 27)
            """)
    void badInputNamesTheFieldTheValueAndWhatIsAllowed(String field, String json, String message) {
        InvalidAssessmentException e = catchThrowableOfType(InvalidAssessmentException.class, () -> AssessmentJson.parse(json));
        assertThat(e).as("no error for " + json).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty input            | ``                      | no assessment: the input is empty
            a list                 | [1,2]                   | an assessment must be a JSON object {...}, was a list
            a bare text            | "HERNIATED_DISC"        | an assessment must be a JSON object {...}, was the text "HERNIATED_DISC"
            truncated              | {"cause":"UNKNOWN",     | malformed JSON:
            two objects            | {} {}                   | malformed JSON:
            not JSON               | cause=UNKNOWN           | malformed JSON:
            """)
    void malformedInputIsRejectedWithoutAField(String name, String json, String message) {
        InvalidAssessmentException e = catchThrowableOfType(InvalidAssessmentException.class,
                () -> AssessmentJson.parse(json == null ? "" : json));
        assertThat(e).isNotNull();
        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).startsWith(message);
    }

    @Test
    void hugeInputIsRejectedBeforeParsing() {
        String huge = "{\"id\":\"" + "x".repeat(AssessmentJson.MAX_LENGTH) + "\"}";
        assertThat(catchThrowableOfType(InvalidAssessmentException.class, () -> AssessmentJson.parse(huge)))
                .hasMessageContaining("at most " + AssessmentJson.MAX_LENGTH);
    }

    @Test
    void deeplyNestedInputIsRejectedWithoutAStackOverflow() {
        String deep = "{\"id\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(catchThrowableOfType(InvalidAssessmentException.class, () -> AssessmentJson.parse(deep)))
                .hasMessageStartingWith("malformed JSON:");
    }
}
