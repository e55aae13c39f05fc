package org.sciatica.advisor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.InvalidAssessmentException;
import org.sciatica.advisor.bench.BatchInput;
import org.sciatica.advisor.internal.BenchmarkMix;

/**
 * The reader that keeps Jackson off one answer's path accepts only what Jackson's reading accepts,
 * and reads it the same; everything else it leaves to Jackson, whose messages stay as they were.
 */
class PlainAssessmentJsonTest {
    private static final String BASE = "\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":4";

    @Test
    void readsEveryAssessmentOfBothMixesAsJacksonDoes() {
        Stream.concat(BenchmarkMix.assessments().stream(), BenchmarkMix.heavy().stream()).map(BatchInput::line).forEach(line -> {
            Assessment plain = PlainAssessmentJson.parse(line);
            assertThat(plain).as(line).isNotNull().isEqualTo(AssessmentJson.withJackson(line));
        });
    }

    @Test
    void readsEscapesSpacesNullsAndRepeatsAsJacksonDoes() {
        List<String> valid = List.of(
                "{" + BASE + ",\"id\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u4e2d caf\u00e9\"}",
                " \r\n\t{ \"painLevel\" : -0 , \"cause\":\"UNKNOWN\",\"sensitivity\":\"HIGH\",\"inflammation\":\"ACUTE\" } \n",
                "{" + BASE + ",\"age\":null,\"course\":null,\"symptoms\":[],\"redFlags\":null,\"conditions\":[\"DIABETES\",\"DIABETES\"]}",
                "{" + BASE + ",\"age\":120,\"tenseAreas\":[ \"PIRIFORMIS\" , \"SOLEUS\" ],\"clinicFindings\":[]}");
        for (String json : valid) {
            assertThat(PlainAssessmentJson.parse(json)).as(json).isNotNull().isEqualTo(AssessmentJson.withJackson(json));
        }
    }

    @Test
    void leavesEverythingElseToJacksonWithItsMessages() {
        List<String> refused = List.of(
                "{" + BASE + ",\"cause\":\"UNKNOWN\"}",
                "{\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":4.0}",
                "{\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":1e1}",
                "{\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":04}",
                "{\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":11}",
                "{\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\"}",
                "{\"cause\":null,\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":4}",
                "{" + BASE + ",\"colour\":\"red\"}",
                "{" + BASE + "} x",
                "{" + BASE + ",\"id\":{}}",
                "{" + BASE + ",\"id\":true}",
                "{" + BASE + ",\"id\":\"tab\there\"}",
                "{" + BASE + ",\"id\":\"\\ud83d\"}",
                "{" + BASE + ",\"symptoms\":[\"TINGLING\",5]}",
                "{" + BASE + ",\"symptoms\":\"TINGLING\"}",
                "{" + BASE + ",\"course\":\"SOMETIMES\"}",
                "{" + BASE + ",}",
                "[]",
                "",
                "{}");
        for (String json : refused) {
            assertThat(PlainAssessmentJson.parse(json)).as(json).isNull();
        }
        assertThatThrownBy(() -> AssessmentJson.parse("{" + BASE + ",\"cause\":\"UNKNOWN\"}"))
                .isInstanceOf(InvalidAssessmentException.class).hasMessageStartingWith("cause appears twice; give each field once");
        assertThatThrownBy(() -> AssessmentJson.parse("{" + BASE + ",\"course\":\"SOMETIMES\"}"))
                .hasMessage("course: \"SOMETIMES\" is not one of ACUTE, CHRONIC, RECURRING");
    }
}
