package org.sciatica.advisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/MIGRATING.md's snippets, copied verbatim: the 0.2 clinic rule file with its sources.csv loads
 * and fires, the 0.1 file does not load, and the dependency block names this version.
 */
class MigratingGuideTest {
    private static final Path GUIDE = Path.of("docs/MIGRATING.md");

    /** The blocks fenced with ```lang, in order. */
    static List<String> blocks(String lang) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(GUIDE, StandardCharsets.UTF_8)) {
            if (current == null && line.equals("```" + lang)) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void theZeroTwoClinicRuleFileLoadsWithItsRegistryAndFires(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("70-clinic.drl"), blocks("drl").get(0));
        Files.writeString(dir.resolve("sources.csv"), blocks("csv").get(0));
        SciaticaAdvisor advisor = SciaticaAdvisor.builder().addRuleDirectory(dir).build();
        Recommendation r = advisor.advise(Assessment.builder().cause(Cause.MUSCLE_TENSION).sensitivity(Sensitivity.LOW)
                .inflammation(Inflammation.NONE).painLevel(3).symptoms(Symptom.BURNING_PAIN).build());
        assertThat(r.firedRules()).contains("CL-01");
    }

    @Test
    void theZeroOneClinicRuleFileDoesNotLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("70-clinic.drl"), blocks("text").get(0));
        Files.writeString(dir.resolve("sources.csv"), blocks("csv").get(0));
        assertThatThrownBy(() -> SciaticaAdvisor.builder().addRuleDirectory(dir).build())
                .isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("70-clinic.drl");
    }

    @Test
    void theDependencyBlockNamesThisVersion() throws IOException {
        Properties properties = new Properties();
        try (var in = SciaticaAdvisor.class.getResourceAsStream("/sciatica-advisor.properties")) {
            properties.load(in);
        }
        assertThat(blocks("xml").get(0)).contains("<version>" + properties.getProperty("version") + "</version>");
    }
}
