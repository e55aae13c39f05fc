package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.bench.BatchInput;
import org.sciatica.advisor.internal.BenchmarkMix;

/**
 * {@code --batch --compact} writes decisions and ids only, and {@code --expand --catalog} turns
 * each compact line back into exactly the line {@code --batch} writes for the same input.
 */
class CompactBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theBenchmarkMixExpandsToTheFullBatchByteForByte() throws IOException {
        roundTrip(BenchmarkMix.assessments());
    }

    @Test
    void theHeavyMixExpandsToTheFullBatchByteForByte() throws IOException {
        roundTrip(BenchmarkMix.heavy());
    }

    @Test
    void aClinicsRulesExpandWithTheirOwnCatalog() throws IOException {
        String input = "{\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":4,"
                + "\"symptoms\":[\"BURNING_PAIN\"],\"clinicFindings\":[\"LYMPHEDEMA\"]}\n";
        String rules = "src/it/clinic-rules/rules";
        Cli full = Cli.withInput(input, "--batch", "--rules", rules);
        Cli compact = Cli.withInput(input, "--batch", "--compact", "--rules", rules);
        assertThat(compact.out()).contains("\"EC-01").doesNotContain("lymphedema: light pressure only");
        Path catalog = write("clinic-catalog.json", Cli.run("--list-rules", "--format", "json", "--rules", rules).out());
        Cli expanded = Cli.withInput(compact.out(), "--expand", "--catalog", catalog.toString());
        assertThat(expanded.exitCode()).isZero();
        assertThat(expanded.out()).isEqualTo(full.out());
    }

    @Test
    void aCompactLineCarriesDecisionsAndIdsButNoTextsAndNoSources() throws IOException {
        Cli compact = Cli.withInput(BatchInput.line(BenchmarkMix.assessments().get(0)) + "\n", "--batch", "--compact");
        assertThat(compact.exitCode()).isZero();
        JsonNode line = JSON.readTree(compact.out());
        assertThat(line.has("sources")).isFalse();
        assertThat(line.get("rulesVersion").asText()).startsWith("0.");
        assertThat(line.get("techniques").get(0).get(0).asText()).isEqualTo("SWEDISH");
        assertThat(line.get("techniques").get(0).get(2).asText()).matches("[A-Z]+-\\d+(#\\d+)?");
        assertThat(line.get("warnings").get(0).get(0).asText()).isEqualTo("NO_DIRECT_NERVE_PRESSURE");
        assertThat(line.get("warnings").get(0).get(2).asText()).isEqualTo("NS-01");
        assertThat(compact.out()).doesNotContain("\"text\"", "\"message\"");
    }

    @Test
    void aLineFromOtherRulesIsRefusedAndTheRestGoOn() throws IOException {
        String line = firstCompactLine();
        JsonNode parsed = JSON.readTree(line);
        String version = parsed.get("rulesVersion").asText();
        String other = line.replace(version, "0.0.9+rules.000000000000");
        Cli expanded = expand(other + "\n" + line + "\n");
        assertThat(expanded.exitCode()).isEqualTo(Main.SOME_LINES_BAD);
        List<String> out = expanded.out().lines().toList();
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).startsWith("{\"line\":1,\"error\":")
                .contains("comes from rules 0.0.9+rules.000000000000, but the catalog is of rules " + version);
        assertThat(out.get(1)).contains("\"sources\":[");
    }

    @Test
    void aReferenceTheCatalogLacksIsAClearError() throws IOException {
        String line = firstCompactLine();
        String broken = line.replaceFirst("\"CAUTION\",\"NS-01\"", "\"CAUTION\",\"NS-01#99\"");
        assertThat(broken).isNotEqualTo(line);
        Cli expanded = expand(broken + "\n");
        assertThat(expanded.out()).contains("reference \\\"NS-01#99\\\": rule NS-01 has 1 text in the catalog");
    }

    @Test
    void theFiredRulesAreTheItemsRulesAndTheOthersInCatalogOrder() throws IOException {
        String input = JSON.readTree(Files.readString(Path.of("examples/acute-herniated-disc.json"))) + "\n";
        JsonNode full = JSON.readTree(Cli.withInput(input, "--batch").out());
        String line = Cli.withInput(input, "--batch", "--compact").out().strip();
        JsonNode compact = JSON.readTree(line);
        assertThat(compact.has("firedRules")).isFalse();
        List<String> others = strings(compact.get("otherFiredRules"));
        assertThat(others).contains("NS-03");
        assertThat(strings(full.get("firedRules"))).containsAll(others).hasSizeGreaterThan(others.size());
        assertThat(others).as("no item's rule").doesNotContainAnyElementsOf(full.findValuesAsText("ruleId"));
        // A line with the whole list (as version 0.2 wrote) is read too.
        String whole = line.replaceFirst("\"otherFiredRules\":\\[[^]]*]", "\"firedRules\":" + full.get("firedRules"));
        assertThat(expand(whole + "\n").out())
                .isEqualTo(Cli.withInput(input, "--batch").out());
    }

    @Test
    void aFiredRuleTheCatalogLacksIsAClearError() throws IOException {
        String line = firstCompactLine();
        String broken = line.replaceFirst("\"otherFiredRules\":\\[[^]]*]", "\"otherFiredRules\":[\"XX-99\"]");
        assertThat(broken).isNotEqualTo(line);
        Cli expanded = expand(broken + "\n");
        assertThat(expanded.exitCode()).isEqualTo(Main.SOME_LINES_BAD);
        assertThat(expanded.out()).contains("names rule \\\"XX-99\\\", which the catalog does not list");
    }

    @Test
    void usageMistakesAreExplained() throws IOException {
        assertThat(Cli.withInput("", "--compact").err()).contains("--compact is for --batch");
        assertThat(Cli.withInput("", "--expand").err()).contains("--expand needs --catalog FILE");
        assertThat(Cli.withInput("", "--expand", "--catalog", dir.resolve("missing.json").toString()).err())
                .contains("missing.json: no such file");
        Path notACatalog = write("not-a-catalog.json", "{\"rules\":[]}");
        Cli wrong = Cli.withInput("", "--expand", "--catalog", notACatalog.toString());
        assertThat(wrong.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(wrong.err()).contains("the catalog must be the JSON list of rules that --list-rules --format json writes");
    }

    private void roundTrip(List<Assessment> mix) throws IOException {
        String input = mix.stream().map(BatchInput::line).collect(Collectors.joining("\n", "", "\n"));
        Cli full = Cli.withInput(input, "--batch", "--quiet");
        Cli compact = Cli.withInput(input, "--batch", "--compact", "--quiet");
        assertThat(full.exitCode()).isZero();
        assertThat(compact.exitCode()).isZero();
        assertThat(compact.out()).as("every line lists only the fired rules no item names").doesNotContain("\"firedRules\"");
        Cli expanded = expand(compact.out());
        assertThat(expanded.exitCode()).isZero();
        List<String> want = full.out().lines().toList();
        List<String> got = expanded.out().lines().toList();
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.size(); i++) {
            assertThat(got.get(i)).as("line %d", i + 1).isEqualTo(want.get(i));
        }
        System.out.printf("%s lines: full %.0f bytes per line, compact %.0f%n", mix.size(),
                (double) full.out().length() / mix.size(), (double) compact.out().length() / mix.size());
    }

    private static String firstCompactLine() {
        return Cli.withInput(BatchInput.line(BenchmarkMix.assessments().get(0)) + "\n", "--batch", "--compact").out().strip();
    }

    /** {@code --expand} of these lines with the bundled rules' catalog. */
    private Cli expand(String lines) throws IOException {
        Path catalog = write("catalog.json", Cli.run("--list-rules", "--format", "json").out());
        return Cli.withInput(lines, "--expand", "--catalog", catalog.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
