package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback over HTTP: once per card, unknown cards refused, the override report, and a store that goes down. */
class FeedbackTest {
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";
    private static final String ASSESSMENT = "{\"cause\": \"MUSCLE_TENSION\", \"sensitivity\": \"LOW\", \"inflammation\": \"NONE\", \"painLevel\": 4}";

    private static String feedback(String card, String outcome, String reasonCode) {
        String reason = reasonCode == null ? "" : ", \"overrideReason\": {\"reason\": {\"code\": \"" + reasonCode
                + "\", \"system\": \"https://example.org\", \"display\": \"Clinician's judgement\"}, \"userComment\": \"knows the client\"}";
        return "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"" + outcome + "\", \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"" + reason + "}]}";
    }

    @Test
    void feedbackIsStoredOnceUnknownCardsAreRefusedAndTheReportCountsOverridesPerRule(@TempDir Path dir) throws Exception {
        try (Harness h = Harness.start(dir)) {
            JsonNode cards = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION")))).json().get("cards");
            String card = cards.get(1).get("uuid").asText();
            assertThat(h.post(PATIENT_VIEW + "/feedback", feedback(card, "overridden", "clinical-judgement")).status()).isEqualTo(200);
            assertThat(h.post(PATIENT_VIEW + "/feedback", feedback(card, "overridden", "clinical-judgement")).status()).isEqualTo(200);
            assertThat(h.service.store().feedbackCount()).isEqualTo(1);
            Harness.Reply unknown = h.post(PATIENT_VIEW + "/feedback", feedback("00000000-0000-0000-0000-000000000000", "accepted", null));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("error").get("message").asText()).contains("00000000-0000-0000-0000-000000000000", "nothing was stored");
            Harness.Reply other = h.post("/cds-services/sciatica-order-sign/feedback", feedback(card, "accepted", null));
            assertThat(other.status()).as("a card of another service").isEqualTo(404);
            Harness.Reply bad = h.post(PATIENT_VIEW + "/feedback", feedback(card, "ignored", null));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").get("message").asText()).contains("accepted or overridden");
            JsonNode report = h.get("/report/overrides").json().get("rules");
            assertThat(report.size()).isPositive();
            assertThat(report.get(0).get("overridden").asLong()).isEqualTo(1);
            assertThat(report.get(0).get("overridesByReason").fieldNames().next()).startsWith("clinical-judgement");
            assertThat(h.get("/metrics").body()).contains("sciatica_overrides_total{reason=\"clinical-judgement\"}", "sciatica_cards_total");
        }
    }

    @Test
    void onPostgresqlAStoreThatGoesDownGivesFeedback503NeverA200AndAdviceIsStillServed(@TempDir Path dir) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (Harness h = Harness.start(dir, c -> c.with(url, c.trustedIssuers(), c.corsOrigins(), null, false)
                .withAdviceAudit(ServiceConfig.AdviceAudit.COMMIT))) {
            JsonNode cards = h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION")))).json().get("cards");
            String card = cards.get(0).get("uuid").asText();
            assertThat(h.get("/ready").status()).isEqualTo(200);
            postgres.close();
            Harness.Reply r = h.post(PATIENT_VIEW + "/feedback", feedback(card, "accepted", null));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().get("error").get("message").asText()).contains("store is unavailable");
            assertThat(h.post("/advice", ASSESSMENT, null).status()).isEqualTo(200);
            assertThat(h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION")))).status()).isEqualTo(200);
            assertThat(h.get("/ready").status()).isEqualTo(503);
            assertThat(h.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void anAdviceAnswersReportIsReadableAtOnceWhileItsAuditWaitsForTheNextBatchAndAfterItIsWritten(@TempDir Path dir) throws Exception {
        try (Harness h = Harness.start(dir)) {
            Harness.Reply advice = h.post("/advice", ASSESSMENT, null);
            assertThat(advice.status()).isEqualTo(200);
            String location = advice.headers().firstValue("Location").orElseThrow();
            String api = location.replace("/reports/", "/api/reports/");
            Harness.Reply now = h.get(api);
            assertThat(now.status()).as("read before the audit batch is written").isEqualTo(200);
            assertThat(now.json()).isEqualTo(advice.json());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (h.service.store().answerJson(location.substring("/reports/".length())).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(h.service.store().answerJson(location.substring("/reports/".length()))).as("written by the audit batch").isPresent();
            assertThat(h.get(api).json()).isEqualTo(advice.json());
            assertThat(h.get("/api/reports/no-such-answer").status()).isEqualTo(404);
        }
    }
}
