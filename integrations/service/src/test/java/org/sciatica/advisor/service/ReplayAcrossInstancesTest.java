package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances behind one public address, sharing a store: a token one of them accepted is a replay at the other,
 * and at either after a restart (the record is in the store, not only in memory). On the embedded store (two services
 * in one JVM on one H2 file) and on a real PostgreSQL server.
 */
class ReplayAcrossInstancesTest {
    private static final String PUBLIC_URL = "https://cds.example.org";
    private static final String PATIENT_VIEW = "/cds-services/sciatica-patient-view";

    private static int post(Harness h, String token) {
        String body = Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake("MUSCLE_TENSION")));
        return Harness.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.service.port() + PATIENT_VIEW))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build()).status();
    }

    private static void aTokenIsUsedOnceAcrossInstances(Path dir, String storeUrl) throws Exception {
        for (String d : new String[] {"a", "b", "c"}) {
            java.nio.file.Files.createDirectories(dir.resolve(d));
        }
        String token = Harness.sign(PUBLIC_URL + PATIENT_VIEW);
        try (Harness a = Harness.start(dir.resolve("a"), c -> c.with(storeUrl, c.trustedIssuers(), c.corsOrigins(), null, false).on("127.0.0.1", PUBLIC_URL));
             Harness b = Harness.start(dir.resolve("b"), c -> c.with(storeUrl, c.trustedIssuers(), c.corsOrigins(), null, false).on("127.0.0.1", PUBLIC_URL))) {
            assertThat(post(a, token)).isEqualTo(200);
            assertThat(post(b, token)).as("replayed at the other instance").isEqualTo(401);
            assertThat(post(a, token)).as("replayed at the same instance").isEqualTo(401);
            assertThat(post(b, Harness.sign(PUBLIC_URL + PATIENT_VIEW))).as("a fresh token").isEqualTo(200);
        }
        try (Harness restarted = Harness.start(dir.resolve("c"), c -> c.with(storeUrl, c.trustedIssuers(), c.corsOrigins(), null, false)
                .on("127.0.0.1", PUBLIC_URL))) {
            assertThat(post(restarted, token)).as("replayed after a restart").isEqualTo(401);
        }
    }

    @Test
    void onTheEmbeddedStore(@TempDir Path dir) throws Exception {
        aTokenIsUsedOnceAcrossInstances(dir, "jdbc:h2:file:" + dir.resolve("shared") + ";WRITE_DELAY=0");
    }

    @Test
    void onPostgresql(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            aTokenIsUsedOnceAcrossInstances(dir, postgres.getJdbcUrl("postgres", "postgres"));
        }
    }
}
