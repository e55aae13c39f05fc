package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.ImpactFixtures;
import org.sciatica.advisor.Inflammation;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SafetyViolationException;

/**
 * Answers the command line cannot give: the safety monitor refuses one ({@link SafetyViolationException},
 * played here by a test double wrapped around the advisor), or an added rule fails while running.
 */
class RefusedAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALM = "{\"id\":\"calm\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":3}";
    private static final String ACUTE = "{\"id\":\"acute\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"ACUTE\",\"painLevel\":3}";
    private static final String REFUSAL = "safety line 4 broken: DEEP_TISSUE recommended with acute inflammation (rules involved: CL-09)";

    /** A safety monitor double that refuses every answer for acute inflammation. */
    private static final UnaryOperator<Function<Assessment, Recommendation>> REFUSES_ACUTE = advise -> assessment -> {
        if (assessment.inflammation() == Inflammation.ACUTE) {
            throw new SafetyViolationException(4, "DEEP_TISSUE recommended with acute inflammation", List.of("CL-09"));
        }
        return advise.apply(assessment);
    };

    @Test
    void aRefusedAnswerForOneAssessmentExitsTwoWithTheSafetyLineAndTheRulesOnOneLine() {
        Cli cli = Cli.withAdvice(REFUSES_ACUTE, ACUTE, "--format", "json");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("sciatica-advisor: " + REFUSAL + "\n");
    }

    @Test
    void theSameAssessmentIsAnsweredWhenTheMonitorHasNothingToRefuse() {
        Cli cli = Cli.withAdvice(REFUSES_ACUTE, CALM);
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("PROCEED");
    }

    @Test
    void aRefusedBatchLineBecomesAnErrorLineAndTheBatchGoesOnWithExitOne() throws IOException {
        Cli cli = Cli.withAdvice(REFUSES_ACUTE, CALM + "\n" + ACUTE + "\n\n" + CALM + "\n", "--batch");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).isEmpty();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(0)).get("id").asText()).isEqualTo("calm");
        assertThat(lines.get(1)).isEqualTo("{\"line\":2,\"error\":{\"field\":null,\"message\":\"" + REFUSAL + "\"}}");
        assertThat(JSON.readTree(lines.get(2)).get("id").asText()).isEqualTo("calm");
    }

    @Test
    void aBatchLineWhoseAddedRuleFailsWhileRunningBecomesAnErrorLineAndTheBatchGoesOn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sources.csv"), ImpactFixtures.SOURCES);
        Files.writeString(dir.resolve("failing.drl"), """
                package org.clinic.rules;

                import org.sciatica.advisor.*;

                rule "Fails for acute inflammation"
                    @id("CL-99")
                    @source("test-fixture")
                when
                    Assessment( inflammation == Inflammation.ACUTE )
                then
                    if (true) { throw new IllegalArgumentException("clinic rule bug"); }
                end
                """);
        // One thread: the calm line runs in the pooled session the failing rule left behind.
        Cli cli = Cli.withInput(ACUTE + "\n" + CALM + "\n", "--batch", "--threads", "1", "--rules", dir.toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode error = JSON.readTree(lines.get(0));
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("error").get("field").isNull()).isTrue();
        assertThat(error.get("error").get("message").asText())
                .isEqualTo("the rules failed on this line: rule \"Fails for acute inflammation\" failed in its action: clinic rule bug");
        assertThat(JSON.readTree(lines.get(1)).get("id").asText()).isEqualTo("calm");
        assertThat(lines.get(1)).as("the session a rule failed in is reused clean: the next answer is as if alone")
                .isEqualTo(Cli.withInput(CALM + "\n", "--batch", "--rules", dir.toString()).out().strip());
    }
}
