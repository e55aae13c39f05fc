package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Requests a careless or hostile caller sends: a 4xx with a clear message, no stack trace, nothing stored. */
class HostileRequestsTest extends SharedService {
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";

    private static void assertRefused(Harness.Reply r, int status, String... words) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("error").get("message").asText()).contains(words);
        assertThat(r.body()).doesNotContain("Exception", "\tat ", ".java:");
    }

    private static void assertNothingStored(long answersBefore) {
        assertThat(h.service.store().answerCount()).isEqualTo(answersBefore);
        assertThat(h.service.store().feedbackCount()).isZero();
    }

    @Test
    void aTenMegabyteBodyIs413() throws java.io.IOException {
        long before = h.service.store().answerCount();
        // The service answers 413 from the Content-Length and closes at once; a client still writing the 10 MB may see
        // its pipe broken instead of the answer, so the request is sent by hand: the headers announce 10 MB, and the
        // answer comes before any of the body is read.
        assertRefused(tenMegabytes(PATIENT_VIEW, h.token(PATIENT_VIEW)), 413, "bytes", "at most");
        assertRefused(tenMegabytes("/advice", null), 413, "bytes");
        assertNothingStored(before);
    }

    /** Announces a 10 MB JSON body by hand and reads the answer the service gives from the headers alone. */
    private static Harness.Reply tenMegabytes(String path, String token) throws java.io.IOException {
        URI uri = URI.create(h.url(path));
        int length = 10 * 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyStart = text.indexOf("\r\n\r\n") + 4;
            String headers = text.substring(0, bodyStart).toLowerCase(java.util.Locale.ROOT);
            String body = text.substring(bodyStart);
            if (headers.contains("transfer-encoding: chunked")) {
                StringBuilder joined = new StringBuilder();
                int at = 0;
                while (true) {
                    int eol = body.indexOf("\r\n", at);
                    int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
                    if (size == 0) {
                        break;
                    }
                    joined.append(body, eol + 2, eol + 2 + size);
                    at = eol + 2 + size + 2;
                }
                body = joined.toString();
            }
            return new Harness.Reply(status, body, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
        }
    }

    @Test
    void malformedJsonIs400() {
        long before = h.service.store().answerCount();
        assertRefused(h.post(PATIENT_VIEW, "{\"hook\": "), 400, "malformed JSON");
        assertRefused(h.post(PATIENT_VIEW + "/feedback", "[1, 2"), 400, "malformed JSON");
        assertRefused(h.post("/advice", "{\"cause\": ", null), 400, "malformed JSON");
        assertNothingStored(before);
    }

    @Test
    void aWrongContentTypeIs415() {
        long before = h.service.store().answerCount();
        Harness.Reply r = Harness.send(HttpRequest.newBuilder(URI.create(h.url(PATIENT_VIEW))).header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + h.token(PATIENT_VIEW))
                .POST(HttpRequest.BodyPublishers.ofString(Fixtures.hookRequest("patient-view", Fixtures.prefetch(null)))).build());
        assertRefused(r, 415, "Content-Type: application/json", "text/plain");
        assertNothingStored(before);
    }

    @Test
    void missingHookOrHookInstanceIs400NamingIt() {
        long before = h.service.store().answerCount();
        String request = Fixtures.hookRequest("patient-view", Fixtures.prefetch(null));
        assertRefused(h.post(PATIENT_VIEW, request.replace("\"hook\":\"patient-view\",", "")), 400, "hook is required");
        assertRefused(h.post(PATIENT_VIEW, request.replaceFirst("\"hookInstance\":\"[^\"]+\",", "")), 400, "hookInstance is required");
        assertRefused(h.post(PATIENT_VIEW, request.replace("\"hook\":\"patient-view\"", "\"hook\":\"order-select\"")), 400,
                "hook must be patient-view");
        assertNothingStored(before);
    }

    @Test
    void anUnknownServiceIs404NamingTheServicesOffered() {
        String path = "/cds-services/no-such-service";
        assertRefused(h.post(path, Fixtures.hookRequest("patient-view", Fixtures.prefetch(null))), 404,
                "no CDS service 'no-such-service'", "sciatica-patient-view");
    }

    @Test
    void aPrefetchOfTheWrongResourceTypeIs400NamingTheKey() {
        long before = h.service.store().answerCount();
        Map<String, String> prefetch = Fixtures.prefetch(null);
        prefetch.put("patient", Fixtures.painScore(3));
        assertRefused(h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", prefetch)), 400, "prefetch.patient", "must be a Patient", "Observation");
        prefetch = Fixtures.prefetch(null);
        prefetch.put("conditions", Fixtures.bundle(Fixtures.painScore(3)));
        assertRefused(h.post(PATIENT_VIEW, Fixtures.hookRequest("patient-view", prefetch)), 400, "prefetch.conditions", "Bundle of Condition");
        assertNothingStored(before);
    }

    @Test
    void anInvalidAssessmentOnTheAdviceEndpointIs400WithTheLibrarysMessage() {
        Harness.Reply r = h.post("/advice", "{\"cause\": \"DISC\", \"sensitivity\": \"LOW\", \"inflammation\": \"NONE\", \"painLevel\": 3}", null);
        assertRefused(r, 400, "DISC", "MUSCLE_TENSION", "HERNIATED_DISC");
        assertThat(r.json().get("error").get("field").asText()).isEqualTo("cause");
        Harness.Reply pain = h.post("/advice", "{\"cause\": \"UNKNOWN\", \"sensitivity\": \"LOW\", \"inflammation\": \"NONE\", \"painLevel\": 15}", null);
        assertRefused(pain, 400, "painLevel", "15");
    }

    @Test
    void theAdviceEndpointAnswersWithTheLibrarysJson() {
        Harness.Reply r = h.post("/advice", "{\"id\": \"c1\", \"cause\": \"PIRIFORMIS_SYNDROME\", \"sensitivity\": \"MODERATE\", "
                + "\"inflammation\": \"NONE\", \"painLevel\": 5}", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("id").asText()).isEqualTo("c1");
        assertThat(r.json().get("techniques").get(0).get("technique").asText()).isNotBlank();
        assertThat(r.json().get("rulesVersion").asText()).isNotBlank();
    }
}
