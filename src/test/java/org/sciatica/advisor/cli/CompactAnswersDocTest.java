package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.json.CompactAnswers;
import org.sciatica.advisor.json.RecommendationJson;
import org.sciatica.advisor.testing.Cases;

/** The Java example of docs/COMPACT-ANSWERS.md, copied here verbatim, runs and does what it says. */
class CompactAnswersDocTest {
    private static final Path DOC = Path.of("docs/COMPACT-ANSWERS.md");
    private static final Path SELF = Path.of("src/test/java/org/sciatica/advisor/cli/CompactAnswersDocTest.java");

    @Test
    void theExampleRuns() {
        Assessment assessment = Cases.muscleTension().id("doc").build();
        String catalogJson = RuleCatalog.json(SciaticaAdvisor.withBundledRules());

        SciaticaAdvisor advisor = SciaticaAdvisor.withBundledRules();
        Recommendation answer = advisor.advise(assessment);
        String line = CompactAnswers.of(advisor).compact(answer);           // what --batch --compact writes

        CompactAnswers catalog = CompactAnswers.fromCatalog(catalogJson);   // --list-rules --format json
        Recommendation same = catalog.expand(line);                         // equals answer
        byte[] full = catalog.expandUtf8(line);                             // what --batch writes, byte for byte

        assertThat(same).isEqualTo(answer);
        assertThat(full).isEqualTo(RecommendationJson.compactUtf8(answer));
    }

    @Test
    void theDocumentShowsThisExampleVerbatim() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("```java\n") + "```java\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        for (String codeLine : example.strip().split("\n")) {
            assertThat(self).as("docs/COMPACT-ANSWERS.md line: %s", codeLine).contains("        " + codeLine);
        }
    }
}
