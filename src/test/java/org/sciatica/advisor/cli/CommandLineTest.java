package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sciatica.advisor.json.AssessmentJson;

/** The command line as docs/SPEC.md describes it (section 6), run in this JVM. */
class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "examples/{0}.json: {1}, first {2}")
    @CsvSource(textBlock = """
            chronic-piriformis,          PROCEED,              TRIGGER_POINT, ''
            acute-herniated-disc,        PROCEED_WITH_CAUTION, SWEDISH,       'NERVE_COMPRESSION_CAUSE ACUTE_INFLAMMATION'
            gluteus-minimus-referral,    PROCEED,              TRIGGER_POINT, ''
            red-flag-cauda-equina,       REFER,                '',            'RED_FLAG_REFERRAL'
            anticoagulants-and-diabetes, PROCEED_WITH_CAUTION, SWEDISH,       'BLEEDING_RISK REDUCED_SENSATION'
            deep-vein-thrombosis,        REFER,                '',            CONDITION_REFERRAL
            """)
    void eachExampleRunsThroughTheCommandLine(String example, String disposition, String first, String warnings) throws IOException {
        Cli cli = Cli.run("--format", "json", "examples/" + example + ".json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
        JsonNode r = JSON.readTree(cli.out());
        assertThat(r.get("id").asText()).isEqualTo(example);
        assertThat(r.get("disposition").asText()).isEqualTo(disposition);
        if (first.isEmpty()) {
            assertThat(r.get("techniques")).isEmpty();
            assertThat(r.get("excluded")).hasSize(org.sciatica.advisor.Technique.values().length);
            assertThat(r.get("referral").get("urgency").asText()).isIn("EMERGENCY", "URGENT");
            assertThat(r.get("sessionPlan").get("sessionsPerWeek").isNull()).isTrue();
        } else {
            assertThat(r.get("techniques").get(0).get("technique").asText()).isEqualTo(first);
            assertThat(r.get("referral").isNull()).isTrue();
            assertThat(codes(r)).contains("NO_DIRECT_NERVE_PRESSURE");
        }
        if (!warnings.isEmpty()) {
            assertThat(codes(r)).contains(warnings.split(" "));
        }
        assertThat(r.get("techniques").size() + r.get("excluded").size()).isEqualTo(org.sciatica.advisor.Technique.values().length);
    }

    @Test
    void jsonOutputHasEverySpecifiedFieldInOrder() throws IOException {
        JsonNode r = JSON.readTree(Cli.run("--format", "json", "examples/chronic-piriformis.json").out());
        assertThat((iterable(r.fieldNames()))).containsExactly("id", "disposition", "referral", "techniques",
                "excluded", "warnings", "focusAreas", "sessionPlan", "firedRules", "questions", "sources", "rulesVersion", "asOf");
        JsonNode reason = r.get("techniques").get(0).get("reasons").get(0);
        assertThat((iterable(reason.fieldNames()))).containsExactly("text", "ruleId", "sourceId");
        JsonNode warning = r.get("warnings").get(0);
        assertThat((iterable(warning.fieldNames()))).containsExactly("code", "severity", "message", "ruleId", "sourceId");
        JsonNode source = r.get("sources").get(0);
        assertThat((iterable(source.fieldNames()))).containsExactly("id", "kind", "title", "publisher", "year", "url", "locator");
        for (JsonNode listed : r.get("sources")) {
            assertThat(listed.get("locator").isNull()).as("a policy has no locator, a citation has one: " + listed)
                    .isEqualTo(listed.get("kind").asText().equals("policy"));
        }
        java.util.Set<String> named = new java.util.HashSet<>(r.findValuesAsText("sourceId"));
        assertThat(r.get("sources").findValuesAsText("id")).as("every source named once, and only those")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(named);
        assertThat(r.get("sessionPlan").get("sessionsPerWeek").get("min").asInt()).isEqualTo(1);
        assertThat(r.get("sessionPlan").get("sessionsPerWeek").get("max").asInt()).isEqualTo(2);
        assertThat(r.get("sessionPlan").get("steps").get(0).get("ruleId").asText()).isEqualTo("SP-12"); // the red-flag questions come first
    }

    @Test
    void textOutputPutsTheDispositionFirstThenTechniquesWarningsFocusAndPlan() {
        Cli cli = Cli.run("examples/acute-herniated-disc.json");
        assertThat(cli.exitCode()).isZero();
        String text = cli.out();
        assertThat(text).startsWith("PROCEED WITH CAUTION");
        assertThat(text).containsSubsequence("Techniques, best first:", "1. SWEDISH, light pressure", "Do not use:",
                "DEEP_TISSUE", "Warnings:", "NO_DIRECT_NERVE_PRESSURE", "Focus areas:", "Session plan:", "Sessions per week: 1 to 2",
                "Rules fired:");
    }

    @Test
    void textOutputForAReferralSaysNotToMassage() {
        String text = Cli.run("examples/red-flag-cauda-equina.json").out();
        assertThat(text).startsWith("REFER - EMERGENCY: do not massage");
        assertThat(text).contains("SADDLE_ANESTHESIA is a sign of possible cauda equina syndrome").doesNotContain("Techniques, best first");
    }

    @Test
    void readsStandardInputWithADashOrNoFile() {
        String json = "{\"cause\":\"PIRIFORMIS_SYNDROME\",\"sensitivity\":\"MODERATE\",\"inflammation\":\"NONE\",\"painLevel\":5}";
        assertThat(Cli.withInput(json, "--format", "json", "-").out()).contains("\"technique\": \"TRIGGER_POINT\"");
        assertThat(Cli.withInput(json, "--format=JSON").exitCode()).isZero();
    }

    @Test
    void badInputExitsTwoWithOneClearMessageAndNoStackTrace() {
        Cli cli = Cli.withInput("{\"cause\":\"DISC\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":5}");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("sciatica-advisor: standard input: cause: \"DISC\" is not one of MUSCLE_TENSION, "
                + "PIRIFORMIS_SYNDROME, GLUTEUS_MINIMUS_REFERRAL, HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN\n");
    }

    @Test
    void aMissingFileAndBadUsageExitTwo() {
        Cli missing = Cli.run("no-such-file.json");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("sciatica-advisor: no-such-file.json: no such file\n");

        Cli unknownOption = Cli.run("--colour");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).startsWith("sciatica-advisor: Unknown option: '--colour'");

        Cli badFormat = Cli.run("--format", "xml", "examples/chronic-piriformis.json");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("xml");

        assertThat(Cli.run("--batch", "--format", "text").exitCode()).isEqualTo(2);
        assertThat(Cli.run("--list-rules", "examples/chronic-piriformis.json").exitCode()).isEqualTo(2);
        assertThat(Cli.run("a.json", "b.json").exitCode()).isEqualTo(2);
    }

    @Test
    void brokenRulesStopTheRunBeforeAnyAnswerListingEveryError() {
        Cli cli = Cli.run("--rules", "src/test/resources/rules/broken", "examples/chronic-piriformis.json");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("""
                sciatica-advisor: the rules cannot be loaded (2 problems):
                src/test/resources/rules/broken/a-typo.drl:9:5: Unable to resolve ObjectType 'Asessment'
                src/test/resources/rules/broken/b-syntax.drl:9:29: [ERR 101] Line 9:28 no viable alternative at input ')' in rule "A constraint with no value"
                """);
    }

    @Test
    void brokenRulesAreReportedEvenWhenTheInputIsBadToo() {
        Cli cli = Cli.withInput("{\"cause\":\"DISC\"}", "--rules", "src/test/resources/rules/broken");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("sciatica-advisor: the rules cannot be loaded (2 problems):");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void addedRulesShowInTheAnswerAndTheCatalog() {
        String dir = "src/test/resources/rules/no-gentle-technique";
        Cli cli = Cli.withInput("{\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"HIGH\",\"inflammation\":\"NONE\",\"painLevel\":5,"
                + "\"symptoms\":[\"MUSCLE_SPASM\"]}", "--format", "json", "--rules", dir);
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("\"disposition\": \"REFER\"", "NO_SAFE_TECHNIQUE", "\"TEST-01\"");
        assertThat(Cli.run("--list-rules", "--rules", dir).out()).contains("TEST-01", "Test fixture (test-fixture), product policy");
    }

    @Test
    void aClinicFindingIsAcceptedWhereTheClinicsRulesDeclareItAndRefusedElsewhere() {
        String lymphedema = "{\"cause\":\"PIRIFORMIS_SYNDROME\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":4,"
                + "\"clinicFindings\":[\"LYMPHEDEMA\"]}";
        Cli clinic = Cli.withInput(lymphedema, "--format", "json", "--rules", "src/test/resources/rules/clinic-lymphedema");
        assertThat(clinic.exitCode()).as(clinic.err()).isZero();
        assertThat(clinic.out()).contains("\"code\": \"LYMPHEDEMA_CARE\"", "\"CL-LY-01\"");
        Cli bundled = Cli.withInput(lymphedema, "--format", "json");
        assertThat(bundled.exitCode()).isEqualTo(2);
        assertThat(bundled.err()).contains("clinicFindings: \"LYMPHEDEMA\" is not declared by the loaded rules");
        Cli batch = Cli.withInput(lymphedema + "\n", "--batch");
        assertThat(batch.exitCode()).isEqualTo(1);
        assertThat(batch.out()).contains("{\"line\":1,\"error\":{\"field\":\"clinicFindings\"");
    }

    @Test
    void listRulesShowsEveryRuleWithItsSource() throws IOException {
        Cli text = Cli.run("--list-rules");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("rules/10-red-flags.drl", "RF-01", "Signs of cauda equina syndrome need emergency care now",
                "source: Sciatica (nhs-sciatica), https://www.nhs.uk/conditions/sciatica/, at ");
        JsonNode json = JSON.readTree(Cli.run("--list-rules", "--format", "json").out());
        assertThat(json).hasSizeGreaterThan(30);
        assertThat(json.get(0).get("id").asText()).isEqualTo("RF-01");
        assertThat(json.get(0).get("source").get("id").asText()).isEqualTo("nhs-sciatica");
        assertThat(json.get(0).get("source").get("url").asText()).startsWith("https://");
        assertThat(json.get(0).get("source").get("locator").asText()).isNotBlank();
        assertThat(json.get(0).get("source").get("takes").asText()).isNotBlank();
    }

    @Test
    void helpAndVersionExitZero() {
        Cli help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--batch", "--rules", "--list-rules", "--format", "Exit codes");
        Cli version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("sciatica-advisor ");
    }

    @Test
    void batchAnswersEveryGoodLineInOrderAndReportsBadOnesByNumber(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\":\"a\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":3}",
                "",
                "{\"id\":\"b\",\"cause\":\"DISC\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":3}",
                "not json",
                "{\"id\":\"c\",\"cause\":\"HERNIATED_DISC\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":3}\r",
                ""));
        Cli cli = Cli.run("--batch", input.toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines.get(0)).get("id").asText()).isEqualTo("a");
        assertThat(lines.get(1)).isEqualTo("{\"line\":3,\"error\":{\"field\":\"cause\",\"message\":\"cause: \\\"DISC\\\" is not one of "
                + "MUSCLE_TENSION, PIRIFORMIS_SYNDROME, GLUTEUS_MINIMUS_REFERRAL, HERNIATED_DISC, SPINAL_STENOSIS, OTHER_SPINAL, UNKNOWN\"}}");
        JsonNode malformed = JSON.readTree(lines.get(2));
        assertThat(malformed.get("line").asInt()).isEqualTo(4);
        assertThat(malformed.get("error").get("field").isNull()).isTrue();
        assertThat(malformed.get("error").get("message").asText()).startsWith("malformed JSON");
        assertThat(JSON.readTree(lines.get(3)).get("id").asText()).isEqualTo("c");
    }

    @Test
    void aByteOrderMarkAtTheStartOfAFileIsIgnored(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF{\"cause\":\"UNKNOWN\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":2}");
        assertThat(Cli.run("--format", "json", file.toString()).exitCode()).isZero();
        assertThat(Cli.run("--batch", file.toString()).exitCode()).isZero();
    }

    @Test
    void aBatchLineThatIsNotUtf8OrTooLongIsReportedAndTheRestGoOn(@TempDir Path dir) throws IOException {
        String good = "{\"cause\":\"UNKNOWN\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":2}\n";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        bytes.writeBytes(("{\"id\":\"" + "x".repeat(AssessmentJson.MAX_LENGTH) + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes(good.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, bytes.toByteArray());
        Cli cli = Cli.run("--batch", file.toString());
        assertThat(cli.exitCode()).isEqualTo(1);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("{\"id\":null,\"disposition\"");
        assertThat(lines.get(1)).isEqualTo("{\"line\":2,\"error\":{\"field\":null,\"message\":\"the line is not valid UTF-8 text\"}}");
        assertThat(lines.get(2)).startsWith("{\"line\":3,\"error\":{\"field\":null,\"message\":\"the line is 65545 bytes long; at most 65536");
        assertThat(lines.get(3)).startsWith("{\"id\":null,\"disposition\"");
    }

    @Test
    void batchAcceptsFormatJsonSinceItWritesJsonAnyway() {
        Cli cli = Cli.run("--batch", "--format", "json", "examples/batch.jsonl");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out().lines()).hasSize(6);
    }

    @Test
    void batchOfGoodLinesExitsZeroAndMatchesSingleAnswers() throws IOException {
        Cli cli = Cli.run("--batch", "examples/batch.jsonl");
        assertThat(cli.exitCode()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(6);
        JsonNode single = JSON.readTree(Cli.run("--format", "json", "examples/chronic-piriformis.json").out());
        assertThat(JSON.readTree(lines.get(0))).isEqualTo(single);
    }

    private static List<String> codes(JsonNode r) {
        return r.get("warnings").findValuesAsText("code");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cds-hooks", "CDS-HOOKS"})
    void theCommandLineWritesCdsHooks(String format) throws Exception {
        Cli cli = Cli.run("--format", format, "examples/acute-herniated-disc.json");
        assertThat(cli.exitCode()).isZero();
        assertThat(JSON.readTree(cli.out()).get("cards").get(0).get("indicator").asText()).isEqualTo("warning");
        assertThat(Cli.run("--list-rules", "--format", "cds-hooks").exitCode()).isEqualTo(2);
    }

    @Test
    void theCommandLineWritesOneCriticalCardForAReferralAndTheSameBytesEveryRun() throws Exception {
        Cli cli = Cli.run("--format", "cds-hooks", "examples/red-flag-cauda-equina.json");
        assertThat(cli.exitCode()).isZero();
        assertThat(JSON.readTree(cli.out()).get("cards")).hasSize(1);
        assertThat(JSON.readTree(cli.out()).get("cards").get(0).get("indicator").asText()).isEqualTo("critical");
        assertThat(Cli.run("--format", "cds-hooks", "examples/red-flag-cauda-equina.json").out()).isEqualTo(cli.out());
    }
}
