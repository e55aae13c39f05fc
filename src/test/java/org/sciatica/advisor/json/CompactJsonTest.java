package org.sciatica.advisor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.internal.BenchmarkMix;
import org.sciatica.advisor.testing.Cases;

/** The fast batch writer gives exactly what Jackson gives for the same recommendation. */
class CompactJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void matchesJacksonByteForByteOnTheBenchmarkMix() throws Exception {
        for (Assessment a : BenchmarkMix.assessments()) {
            Recommendation r = Cases.bundledAdvisor().advise(a);
            String jackson = JSON.writeValueAsString(RecommendationJson.tree(r));
            assertThat(CompactJson.string(r)).as(a.summary()).isEqualTo(jackson);
        }
    }

    @Test
    void listsWhereInEachCitedSourceItsClaimStands() throws Exception {
        Recommendation r = Cases.bundledAdvisor().advise(Cases.muscleTension().build());
        var sources = JSON.readTree(CompactJson.bytes(r)).get("sources");
        assertThat(sources).isNotEmpty();
        for (org.sciatica.advisor.Source source : r.sources()) {
            var listed = java.util.stream.StreamSupport.stream(sources.spliterator(), false)
                    .filter(n -> n.get("id").asText().equals(source.id())).findFirst().orElseThrow();
            assertThat(listed.get("locator").isNull() ? null : listed.get("locator").asText()).as(source.id())
                    .isEqualTo(source.locator());
        }
        assertThat(r.sources()).as("a plan cites at least one publication").anyMatch(s -> !s.isPolicy());
    }

    @Test
    void escapesIdsLikeJackson() throws Exception {
        String[] ids = {"quote \" and backslash \\", "tab\tnew\nline\r", "\u0001\u001f control", "caf\u00e9 \u4e2d\u6587 \ud83d\ude00",
                "", "</script>"};
        for (String id : ids) {
            Recommendation r = Cases.bundledAdvisor().advise(Cases.muscleTension().id(id).build());
            String jackson = JSON.writeValueAsString(RecommendationJson.tree(r));
            assertThat(new String(CompactJson.bytes(r), StandardCharsets.UTF_8)).isEqualTo(jackson);
            assertThat(JSON.readTree(CompactJson.bytes(r)).get("id").asText()).isEqualTo(id);
        }
    }
}
