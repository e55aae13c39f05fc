package org.sciatica.advisor.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one service instance runs. Built from the command line and environment by {@link ServiceMain}.
 *
 * @param host the address to listen on (loopback unless told otherwise)
 * @param port the port (0: any free port)
 * @param publicUrl the address callers use (the JWT {@code aud} is checked against it); null: {@code http://host:port}
 * @param ruleDirectories rule directories added to the bundled rules
 * @param store a {@code jdbc:} URL, or null for the embedded store under {@code dataDir}
 * @param dataDir where the embedded store lives
 * @param trustedIssuers issuer to the address of its JWKS (a file path, or an https URL its tokens may name as {@code jku})
 * @param corsOrigins browser origins allowed to call the service
 * @param pageKey the key for the web page, the plain endpoint and the report when not on loopback, or null
 * @param devSandbox accept the public CDS Hooks sandbox's tokens (development only)
 * @param maxBodyBytes the largest request body accepted
 * @param adviceAudit how {@code /advice} answers are recorded before they are sent
 * @param threads the most requests handled at once (the HTTP server's worker threads); more wait in line
 */
public record ServiceConfig(String host, int port, @Nullable String publicUrl, List<Path> ruleDirectories,
                            @Nullable String store, Path dataDir, Map<String, String> trustedIssuers,
                            List<String> corsOrigins, @Nullable String pageKey, boolean devSandbox, long maxBodyBytes,
                            AdviceAudit adviceAudit, int threads) {
    /**
     * The default number of worker threads: on 2 cores, 16 threads gave a third of the p99 that Jetty's default pool
     * did at 64 concurrent clients (requests wait in line instead of sharing the cores by time slices), with room for
     * requests blocked on a FHIR server or the store.
     */
    public static final int DEFAULT_THREADS = 16;

    /** The default limit on a request body: 1 MiB, far above any prefetch a patient-view needs. */
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    /**
     * How an {@code /advice} answer is recorded before it is sent. Either way, an answer sent survives the process being
     * killed; they differ in cost and in where the row waits.
     */
    public enum AdviceAudit {
        /**
         * Appended to a journal file in the data directory, moved into the store within a twentieth of a second (the
         * default with the embedded store): one file write per answer instead of a store commit.
         */
        JOURNAL,
        /** Committed to the store, in a group commit with the answers of concurrent requests (the default with {@code --store}). */
        COMMIT
    }

    /** Copies the collections; checks the arguments. */
    public ServiceConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        }
        ruleDirectories = List.copyOf(ruleDirectories);
        Objects.requireNonNull(dataDir, "dataDir");
        trustedIssuers = Map.copyOf(trustedIssuers);
        corsOrigins = List.copyOf(corsOrigins);
        if (store != null && !store.startsWith("jdbc:")) {
            throw new IllegalArgumentException("store must be a jdbc: URL, was '" + store + "'");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + maxBodyBytes);
        }
        Objects.requireNonNull(adviceAudit, "adviceAudit");
        if (threads < 8 || threads > 1000) {
            throw new IllegalArgumentException("threads must be from 8 to 1000, was " + threads);
        }
    }

    /** The defaults: loopback, the given port and data directory, nothing else configured. */
    public static ServiceConfig defaults(int port, Path dataDir) {
        return new ServiceConfig("127.0.0.1", port, null, List.of(), null, dataDir, Map.of(), List.of(), null, false,
                DEFAULT_MAX_BODY, AdviceAudit.JOURNAL, DEFAULT_THREADS);
    }

    /** @return whether the service listens on a loopback address only */
    public boolean loopbackOnly() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /**
     * The embedded store's page cache, in kB: the rows it writes go through the cache, and H2's default (16 MB here) kept
     * the pages of the last seconds' answers alive through young collections, each copying them again (young pauses
     * of 9 to 10 ms against 5 to 6 ms with this cache, same throughput; the answers' keys are time-ordered, so the
     * pages written are few and at the end of the index).
     */
    static final int EMBEDDED_CACHE_KB = 2048;

    /** @return the JDBC URL of the store: the configured one, or the embedded H2 file under the data directory */
    public String jdbcUrl() {
        // WRITE_DELAY=0: a commit is written to the file before the statement returns, so feedback answered
        // 200 survives a killed process.
        return store != null ? store
                : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("sciatica-service") + ";WRITE_DELAY=0;CACHE_SIZE=" + EMBEDDED_CACHE_KB;
    }

    ServiceConfig withPort(int newPort) {
        return new ServiceConfig(host, newPort, publicUrl, ruleDirectories, store, dataDir, trustedIssuers, corsOrigins,
                pageKey, devSandbox, maxBodyBytes, adviceAudit, threads);
    }

    /** A copy with these settings changed (tests and the command line build on the defaults). */
    public ServiceConfig with(@Nullable String newStore, Map<String, String> issuers, List<String> origins,
                              @Nullable String key, boolean sandbox) {
        return new ServiceConfig(host, port, publicUrl, ruleDirectories, newStore, dataDir, issuers, origins, key, sandbox,
                maxBodyBytes, adviceAudit, threads);
    }

    /** A copy recording {@code /advice} answers the given way. */
    public ServiceConfig withAdviceAudit(AdviceAudit audit) {
        return new ServiceConfig(host, port, publicUrl, ruleDirectories, store, dataDir, trustedIssuers, corsOrigins,
                pageKey, devSandbox, maxBodyBytes, audit, threads);
    }

    /** A copy listening on another host, with the public address callers use. */
    public ServiceConfig on(String newHost, @Nullable String newPublicUrl) {
        return new ServiceConfig(newHost, port, newPublicUrl, ruleDirectories, store, dataDir, trustedIssuers, corsOrigins,
                pageKey, devSandbox, maxBodyBytes, adviceAudit, threads);
    }
}
