package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What the audit records of a plain {@code /advice} answer. */
class AdviceAuditTest extends SharedService {
    private static String recordedHash(Harness.Reply advice) throws InterruptedException {
        String answerId = advice.headers().firstValue("Location").orElseThrow().substring("/reports/".length());
        long deadline = System.nanoTime() + 10_000_000_000L;
        Optional<String> hash = h.service.store().assessmentHash(answerId);
        while (hash.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the journal moves its rows into the store every 50 ms
            hash = h.service.store().assessmentHash(answerId);
        }
        return hash.orElseThrow(() -> new AssertionError("no assessment hash recorded for " + answerId));
    }

    @Test
    void theSameFindingsInAnotherOrderAndWithAnotherIdGiveTheSameAssessmentHashOtherFindingsAnother() throws Exception {
        String one = recordedHash(h.post("/advice", """
                {"id": "visit-1", "cause": "PIRIFORMIS_SYNDROME", "sensitivity": "LOW", "inflammation": "NONE", "painLevel": 4,
                 "tenseAreas": ["PIRIFORMIS", "LOWER_BACK"]}""", null));
        String same = recordedHash(h.post("/advice", """
                {"tenseAreas": ["LOWER_BACK", "PIRIFORMIS"], "painLevel": 4, "inflammation": "NONE", "sensitivity": "LOW",
                 "cause": "PIRIFORMIS_SYNDROME", "id": "visit-2"}""", null));
        String other = recordedHash(h.post("/advice", """
                {"id": "visit-3", "cause": "PIRIFORMIS_SYNDROME", "sensitivity": "LOW", "inflammation": "NONE", "painLevel": 5,
                 "tenseAreas": ["PIRIFORMIS", "LOWER_BACK"]}""", null));
        assertThat(one).matches("[0-9a-f]{64}").isEqualTo(same).isNotEqualTo(other);
    }
}
