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

/** {@code --no-bundled}: a rule author runs only the rule directories given, in every mode. */
class NoBundledRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "{\"id\":\"c1\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"ACUTE\",\"painLevel\":3}";

    @TempDir
    Path dir;

    private String clinicRules() throws IOException {
        Files.writeString(dir.resolve("clinic.drl"), """
                package org.clinic.rules;

                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;

                rule "Swedish strokes for everyone"
                    @id("CL-01")
                    @source("test fixture")
                when
                    Assessment()
                then
                    insert( new Support(Technique.SWEDISH, 2, "clinic: gentle strokes for everyone") );
                end
                """);
        return dir.toString();
    }

    @Test
    void anAssessmentIsAnsweredByTheGivenRulesAlone() throws IOException {
        Cli cli = Cli.withInput(CLIENT, "--no-bundled", "--rules", clinicRules(), "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode r = JSON.readTree(cli.out());
        assertThat(iterable(r.get("firedRules"))).containsExactly("CL-01");
        assertThat(r.get("techniques").get(0).get("technique").asText()).isEqualTo("SWEDISH");
        assertThat(r.get("warnings")).as("no bundled CI-09 or NS-01 warnings").isEmpty();
    }

    @Test
    void theCatalogListsOnlyTheGivenRules() throws IOException {
        Cli cli = Cli.run("--list-rules", "--format", "json", "--no-bundled", "--rules", clinicRules());
        assertThat(cli.exitCode()).isZero();
        JsonNode catalog = JSON.readTree(cli.out());
        assertThat(catalog).hasSize(1);
        assertThat(catalog.get(0).get("id").asText()).isEqualTo("CL-01");
    }

    @Test
    void aBatchIsAnsweredByTheGivenRulesAlone() throws IOException {
        Cli cli = Cli.withInput(CLIENT + "\n" + CLIENT + "\n", "--batch", "--no-bundled", "--rules", clinicRules());
        assertThat(cli.exitCode()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"firedRules\":[\"CL-01\"]"));
    }

    @Test
    void withoutAnyRuleDirectoryItIsAUsageErrorWithExitTwo() {
        Cli cli = Cli.withInput(CLIENT, "--no-bundled");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).startsWith("sciatica-advisor: --no-bundled leaves the bundled rules out: give at least one --rules DIR\n");
        assertThat(Cli.run("--list-rules", "--no-bundled").exitCode()).isEqualTo(2);
    }

    private static List<String> iterable(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
