package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** {@code --impact} streams like {@code --batch}: an input far larger than the heap goes through with two rule sets loaded. */
class ImpactStreamingTest {
    private static final int LINES = 3_000;
    private static final int ID_LENGTH = 60_000;

    @Test
    void anImpactOf180MegabytesRunsIn64MegabytesOfHeap() throws Exception {
        Process impact = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "org.sciatica.advisor.cli.Main",
                "--impact", "--quiet", "--format", "json", "--candidate", "src/test/resources/rules/replace-varicose-rule")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread feeder = new Thread(() -> feed(impact.getOutputStream()));
        feeder.start();
        byte[] report = impact.getInputStream().readAllBytes();
        assertThat(impact.waitFor(5, TimeUnit.MINUTES)).isTrue();
        feeder.join();
        assertThat(impact.exitValue()).as("exit code: bad lines, nothing less cautious").isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(new String(report, StandardCharsets.UTF_8));
        assertThat(json.get("verdict").asText()).isEqualTo("CHANGED");
        JsonNode totals = json.get("totals");
        assertThat(totals.get("assessments").asInt()).isEqualTo(LINES - LINES / 100);
        assertThat(totals.get("errors").asInt()).as("every 100th line is bad").isEqualTo(LINES / 100);
        assertThat(totals.get("changed").asInt()).as("every 10th line has varicose veins: CL-08 replaces CI-08").isEqualTo(LINES / 10);
        assertThat(json.get("changes").get("RULES_FIRED").get("rules").toString()).isEqualTo("[\"CI-08\",\"CL-08\"]");
        assertThat(json.get("errors")).hasSize(10);
    }

    private static void feed(OutputStream stdin) {
        String padding = "x".repeat(ID_LENGTH);
        try (OutputStream out = stdin) {
            for (int i = 1; i <= LINES; i++) {
                String pain = i % 100 == 0 ? "11" : String.valueOf(i % 11);
                String conditions = i % 10 == 5 ? ",\"conditions\":[\"VARICOSE_VEINS\"]" : "";
                out.write(("{\"id\":\"" + i + padding + "\",\"cause\":\"HERNIATED_DISC\",\"sensitivity\":\"MODERATE\","
                        + "\"inflammation\":\"MILD\",\"painLevel\":" + pain + conditions + "}\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
