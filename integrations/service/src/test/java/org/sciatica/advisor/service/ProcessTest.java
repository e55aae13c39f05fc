package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.service.store.Store;

/**
 * The service as its own process: SIGKILL in the middle of a stream of feedback loses no feedback answered 200
 * and the service serves again from the same store; SIGKILL in the middle of a stream of advice loses no answer sent; SIGTERM lets requests in flight finish; the log, at debug
 * level for the service's own classes, holds no token and no access token.
 */
class ProcessTest {
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";
    private static final Pattern STARTED = Pattern.compile("Sciatica Advisor service on (http://\\S+) ");

    private record Child(Process process, String url, List<String> output, Thread reader) {
        /** Waits for the process to end and its output to be read to the end. */
        boolean ended() throws InterruptedException {
            boolean ended = process.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
            return ended;
        }
    }

    private static Child start(Path dir) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.log.org.sciatica=debug",
                "-cp", System.getProperty("java.class.path"), ServiceMain.class.getName(),
                "--port", "0", "--data-dir", dir.resolve("data").toString(),
                "--trusted-issuer", Harness.ISSUER + "=" + Harness.jwks(dir));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        String[] url = new String[1];
        Object lock = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        synchronized (lock) {
                            url[0] = m.group(1);
                            lock.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        synchronized (lock) {
            long until = System.currentTimeMillis() + 60_000;
            while (url[0] == null && System.currentTimeMillis() < until && p.isAlive()) {
                lock.wait(500);
            }
        }
        assertThat(url[0]).as("the service started; its output: %s", output).isNotNull();
        return new Child(p, url[0], output, reader);
    }

    /** SIGTERM by the child's id (Process.destroy() would also close the pipes, losing the last of its log). */
    private static void terminate(Process p) throws Exception {
        assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).inheritIO().start().waitFor()).isZero();
    }

    private static Harness.Reply post(String url, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .timeout(java.time.Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return Harness.send(b.build());
    }

    @Test
    void sigkillMidStreamLosesNoFeedbackAnswered200AndTheServiceServesAgainFromTheSameStore(@TempDir Path dir) throws Exception {
        Child first = start(dir);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            JsonNode response = post(first.url(), PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION"))),
                    Harness.sign(first.url() + PATIENT_VIEW)).json();
            response.get("cards").forEach(c -> cards.add(c.get("uuid").asText()));
        }
        Set<String> answered200 = ConcurrentHashMap.newKeySet();
        Thread stream = new Thread(() -> {
            for (String card : cards) {
                String body = "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\", "
                        + "\"overrideReason\": {\"reason\": {\"code\": \"clinical-judgement\", \"system\": \"https://example.org\"}}}]}";
                try {
                    if (post(first.url(), PATIENT_VIEW + "/feedback", body, Harness.sign(first.url() + PATIENT_VIEW + "/feedback")).status() == 200) {
                        answered200.add(card);
                    }
                } catch (RuntimeException e) {
                    return; // the service is gone
                }
            }
        });
        stream.start();
        while (answered200.size() < 20 && stream.isAlive()) {
            Thread.sleep(5);
        }
        first.process().destroyForcibly(); // SIGKILL
        first.process().waitFor(30, TimeUnit.SECONDS);
        stream.join(30_000);
        assertThat(answered200.size()).as("feedback was answered before the kill").isGreaterThanOrEqualTo(20).isLessThan(cards.size());

        Child second = start(dir);
        assertThat(Harness.send(HttpRequest.newBuilder(URI.create(second.url() + "/ready")).build()).status()).isEqualTo(200);
        String more = cards.get(cards.size() - 1);
        assertThat(post(second.url(), PATIENT_VIEW + "/feedback", "{\"feedback\": [{\"card\": \"" + more
                + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-12-01T10:00:00Z\"}]}", Harness.sign(second.url() + PATIENT_VIEW + "/feedback")).status())
                .isEqualTo(200);
        terminate(second.process()); // a graceful stop that closes the store
        assertThat(second.ended()).isTrue();
        assertThat(second.output()).anyMatch(l -> l.contains("event=stopped"));
        try (Store store = Store.open(ServiceConfig.defaults(0, dir.resolve("data")).jdbcUrl())) {
            assertThat(store.cardsWithFeedback()).containsAll(answered200).contains(more);
        }
    }

    @Test
    void sigkillMidStreamOfAdviceLosesNoAnswerSentItsJournalIsReplayedAtTheNextStart(@TempDir Path dir) throws Exception {
        Child first = start(dir);
        String assessment = "{\"cause\": \"PIRIFORMIS_SYNDROME\", \"sensitivity\": \"MODERATE\", \"inflammation\": \"NONE\", \"painLevel\": 5}";
        Set<String> answered = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread client = new Thread(() -> {
                for (int i = 0; i < 5000; i++) {
                    try {
                        Harness.Reply r = post(first.url(), "/advice", assessment, null);
                        if (r.status() == 200) {
                            answered.add(r.headers().firstValue("Location").orElseThrow().substring("/reports/".length()));
                        }
                    } catch (RuntimeException e) {
                        return; // the service is gone
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        while (answered.size() < 300 && first.process().isAlive()) {
            Thread.sleep(2);
        }
        first.process().destroyForcibly(); // SIGKILL, with answers sent in the last twentieth of a second still in the journal only
        first.process().waitFor(30, TimeUnit.SECONDS);
        for (Thread c : clients) {
            c.join(30_000);
        }
        assertThat(answered).as("answers sent before the kill").hasSizeGreaterThanOrEqualTo(300);

        Child second = start(dir);
        assertThat(second.output()).anyMatch(l -> l.contains("event=audit_replayed"));
        terminate(second.process());
        assertThat(second.ended()).isTrue();
        try (Store store = Store.open(ServiceConfig.defaults(0, dir.resolve("data")).jdbcUrl())) {
            assertThat(answered).allSatisfy(id -> assertThat(store.answerJson(id)).as("answer %s", id).isPresent());
        }
    }

    @Test
    void sigtermLetsRequestsInFlightFinishAndTheLogHoldsNoToken(@TempDir Path dir) throws Exception {
        Child child = start(dir);
        String token = Harness.sign(child.url() + PATIENT_VIEW);
        String accessToken = "fhir-secret-access-token-31c9";
        String refused = Harness.sign(child.url() + "/cds-services/elsewhere");
        try (FakeFhirServer fhir = new FakeFhirServer(java.util.Map.of("Patient", Fixtures.patient(50), "Condition", Fixtures.bundle(),
                "Observation", Fixtures.bundle(), "MedicationRequest", Fixtures.bundle(), "MedicationStatement", Fixtures.bundle(),
                "Procedure", Fixtures.bundle(), "QuestionnaireResponse", Fixtures.bundle()))) {
            assertThat(post(child.url(), PATIENT_VIEW, Fixtures.hookRequest("patient-view", java.util.Map.of(), fhir.base(), accessToken), token).status())
                    .isEqualTo(200);
            assertThat(post(child.url(), PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(null)), refused).status()).isEqualTo(401);
            assertThat(post(child.url(), PATIENT_VIEW, Fixtures.hookRequest("patient-view", Fixtures.prefetch(null)), token).status())
                    .as("replayed").isEqualTo(401);
        }
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        String assessment = "{\"cause\": \"MUSCLE_TENSION\", \"sensitivity\": \"LOW\", \"inflammation\": \"NONE\", \"painLevel\": 4}";
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread client = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    try {
                        statuses.add(post(child.url(), "/advice", assessment, null).status());
                    } catch (RuntimeException e) {
                        return; // refused once the service stopped listening
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        while (statuses.size() < 50) {
            Thread.sleep(5);
        }
        terminate(child.process());
        assertThat(child.ended()).isTrue();
        for (Thread c : clients) {
            c.join(30_000);
        }
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(50).containsOnly(200);
        String log = String.join("\n", child.output());
        assertThat(log).contains("event=request", "event=token_refused", "event=stopped");
        assertThat(log).doesNotContain(token, refused, accessToken, token.substring(token.lastIndexOf('.') + 1));
        Files.writeString(dir.resolve("service.log"), log);
    }
}
