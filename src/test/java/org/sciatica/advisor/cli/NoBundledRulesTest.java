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

import org.sciatica.advisor.ImpactFixtures;

/** {@code --no-bundled}: a rule author runs only the rule directories given, in every mode. */
class NoBundledRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "{\"id\":\"c1\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":3}";

    @TempDir
    Path dir;

    /** A whole rule set of two rules: Swedish strokes for everyone, and the nerve warning every answer needs. */
    private String clinicRules() throws IOException {
        Files.writeString(dir.resolve("sources.csv"), ImpactFixtures.SOURCES);
        Files.writeString(dir.resolve("clinic.drl"), """
                package org.clinic.rules;

                import org.sciatica.advisor.*;
                import org.sciatica.advisor.facts.*;

                rule "Swedish strokes for everyone"
                    @id("CL-01")
                    @source("test-fixture")
                when
                    Assessment()
                then
                    insert( new Support(Technique.SWEDISH, 2, "clinic: gentle strokes for everyone") );
                end

                rule "Never press on the nerve"
                    @id("CL-02")
                    @source("test-fixture")
                when
                    Assessment()
                then
                    insert( new Alert(WarningCode.NO_DIRECT_NERVE_PRESSURE, "Never press directly on the sciatic nerve.") );
                end
                """);
        return dir.toString();
    }

    @Test
    void anAssessmentIsAnsweredByTheGivenRulesAlone() throws IOException {
        Cli cli = Cli.withInput(CLIENT, "--no-bundled", "--rules", clinicRules(), "--format", "json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode r = JSON.readTree(cli.out());
        assertThat(iterable(r.get("firedRules"))).containsExactly("CL-01", "CL-02");
        assertThat(r.get("techniques").get(0).get("technique").asText()).isEqualTo("SWEDISH");
        assertThat(r.get("warnings").findValuesAsText("ruleId")).as("no bundled NS-01").containsExactly("CL-02");
    }

    @Test
    void theCatalogListsOnlyTheGivenRules() throws IOException {
        Cli cli = Cli.run("--list-rules", "--format", "json", "--no-bundled", "--rules", clinicRules());
        assertThat(cli.exitCode()).isZero();
        JsonNode catalog = JSON.readTree(cli.out());
        assertThat(catalog).extracting(rule -> rule.get("id").asText()).containsExactly("CL-01", "CL-02");
    }

    @Test
    void aBatchIsAnsweredByTheGivenRulesAlone() throws IOException {
        Cli cli = Cli.withInput(CLIENT + "\n" + CLIENT + "\n", "--batch", "--no-bundled", "--rules", clinicRules());
        assertThat(cli.exitCode()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"firedRules\":[\"CL-01\",\"CL-02\"]"));
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
