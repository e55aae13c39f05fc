package org.sciatica.advisor.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.json.AssessmentJson;
import org.sciatica.advisor.json.RecommendationJson;

/**
 * The load generator of {@code bench/service.sh}: it runs in its own JVM against a service started in
 * another (the production jar), over plain keep-alive HTTP/1.1 on sockets (TCP_NODELAY, one connection and
 * one thread per client, nothing else per request but writing the bytes and reading the answer), so what it
 * measures is the service. Not a test: it asserts nothing and runs only when called.
 * <ul>
 * <li>{@code keys DIR}: writes an issuer's JWK Set ({@code DIR/ehr-jwks.json}, for the service's
 * {@code --trusted-issuer}) and its private key ({@code DIR/ehr-key.json}, for signing the hook calls).</li>
 * <li>{@code run URL DIR SECONDS MAX}: the in-process library, {@code POST /advice} closed-loop at 1, 8 and
 * 64 clients, {@code POST /advice} at a fixed offered rate, and {@code patient-view} with full prefetch at 1,
 * 8 and 64 clients; a Markdown table on standard output.</li>
 * <li>{@code advice URL CLIENTS SECONDS} and {@code patient-view URL DIR CLIENTS SECONDS}: one closed-loop reading after a 3 s warm-up at the same concurrency (for
 * profiling).</li>
 * </ul>
 * Closed loop: each client sends its next request when the answer to the last one is read, no think time.
 * Fixed rate: 64 connections share the offered rate; each request has an intended send time and its latency
 * is counted from that time, not from when it was sent, so a stall is counted for every request it delays
 * (the coordinated-omission correction wrk2 makes).
 */
public final class LoadClient {
    static final String ISSUER = "https://ehr.example.org";
    static final int OPEN_CONNECTIONS = 64;
    static final int OPEN_RATE = 1500;

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("keys")) {
            keys(Path.of(args[1]));
        } else if (args.length == 5 && args[0].equals("run")) {
            run(URI.create(args[1]), Path.of(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4]));
        } else if (args.length == 4 && args[0].equals("advice")) {
            URI base = URI.create(args[1]);
            List<byte[]> advice = mix().stream().map(body -> post(base, "/advice", body, null)).toList();
            closed("warm-up", base, Integer.parseInt(args[2]), 3, 1_000_000, (c, i) -> c.exchange(advice.get(i % advice.size())) == 200);
            Result r = closed("POST /advice", base, Integer.parseInt(args[2]), Double.parseDouble(args[3]), 1_000_000,
                    (c, i) -> c.exchange(advice.get(i % advice.size())) == 200);
            System.out.println(r.line());
        } else if (args.length == 5 && args[0].equals("patient-view")) {
            URI base = URI.create(args[1]);
            ECKey key = ECKey.parse(Files.readString(Path.of(args[2]).resolve("ehr-key.json")));
            Result r = hookRun("patient-view, full prefetch", base, "/cds-services/" + SciaticaService.PATIENT_VIEW, hookBodies(), key,
                    Integer.parseInt(args[3]), Double.parseDouble(args[4]), 3000);
            System.out.println(r.line());
        } else {
            System.err.println("usage: LoadClient keys DIR | LoadClient run URL DIR SECONDS MAX | LoadClient advice URL CLIENTS SECONDS"
                    + " | LoadClient patient-view URL DIR CLIENTS SECONDS");
            System.exit(2);
        }
    }

    static void keys(Path dir) throws Exception {
        Files.createDirectories(dir);
        ECKey key = new ECKeyGenerator(Curve.P_384).keyID("bench-1").generate();
        Files.writeString(dir.resolve("ehr-jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        Files.writeString(dir.resolve("ehr-key.json"), key.toJSONString());
    }

    private static final String[] CAUSES = {"MUSCLE_TENSION", "PIRIFORMIS_SYNDROME", "GLUTEUS_MINIMUS_REFERRAL", "HERNIATED_DISC",
        "SPINAL_STENOSIS", "UNKNOWN"};

    /** The same 162 assessments for every measurement: each cause, sensitivity and inflammation at pain 2, 5 and 8. */
    static List<String> mix() {
        List<String> mix = new ArrayList<>();
        for (String c : CAUSES) {
            for (String s : new String[] {"LOW", "MODERATE", "HIGH"}) {
                for (String i : new String[] {"NONE", "MILD", "ACUTE"}) {
                    for (int pain : new int[] {2, 5, 8}) {
                        mix.add("{\"cause\": \"" + c + "\", \"sensitivity\": \"" + s + "\", \"inflammation\": \"" + i
                                + "\", \"painLevel\": " + pain + ", \"tenseAreas\": [\"PIRIFORMIS\"]}");
                    }
                }
            }
        }
        return mix;
    }

    // ---- measurement

    /**
     * A reading; {@code cpuNanos} is the CPU time the service's process (or the in-process thread) used for it, -1 when
     * unknown; {@code clientCpuNanos} the CPU time this load generator's process used for it (-1 for in-process rows).
     */
    record Result(String what, int clients, String load, long[] nanos, double seconds, int errors, long cpuNanos, long clientCpuNanos) {
        String line() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            String cpu = cpuNanos < 0 || sorted.length == 0 ? "" : String.format(Locale.ROOT, "%.3f", cpuNanos / 1e6 / sorted.length);
            String clientCpu = clientCpuNanos < 0 || sorted.length == 0 ? ""
                    : String.format(Locale.ROOT, "%.3f", clientCpuNanos / 1e6 / sorted.length);
            return String.format(Locale.ROOT, "| %s | %d | %s | %,d | %.3f | %.3f | %.3f | %,.0f | %s | %s | %d |", what, clients, load,
                    sorted.length, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, sorted.length / seconds, cpu, clientCpu, errors);
        }

        static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
        }
    }

    interface Request {
        /** Sends request {@code i} on the connection and reads the whole answer; false when it was not a 200. */
        boolean send(Connection c, int i) throws IOException;
    }

    /** One keep-alive HTTP/1.1 connection. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        /** Writes the request (head and body in one write) and reads the answer; returns its status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            if (status == null) {
                throw new IOException("the service closed the connection");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            String header;
            while (!(header = line()).isEmpty()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (r < 0) {
                    throw new IOException("the answer ended early");
                }
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int len = s.length();
                    return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
                }
                s.append((char) b);
            }
            return s.length() == 0 ? null : s.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static byte[] post(URI base, String path, String body, String token) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + b.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    /** Closed loop: {@code clients} connections, each sending the next request when the last is answered. */
    static Result closed(String what, URI base, int clients, double seconds, int max, Request request) throws Exception {
        return drive(what, base, clients, "closed loop", seconds, max, 0, request);
    }

    private static Result drive(String what, URI base, int clients, String load, double seconds, int max, double rate,
                                Request request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] nanos = new long[max];
        int[] filled = new int[max];
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(new Connection(base));
        }
        long cpu0 = serviceCpuNanos();
        long clientCpu0 = clientCpuNanos();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Connection connection = connections.get(c);
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    for (int k = 0; ; k++) {
                        long intended = 0;
                        if (rate > 0) { // request k of this connection is due at (k * clients + client) / rate after the start
                            intended = start + (long) ((k * (double) clients + client) * 1e9 / rate);
                            if (intended >= deadline) {
                                return;
                            }
                            long wait;
                            while ((wait = intended - System.nanoTime()) > 0) {
                                LockSupport.parkNanos(wait);
                            }
                        } else if (System.nanoTime() >= deadline) {
                            return;
                        }
                        int i = next.getAndIncrement();
                        if (i >= max) {
                            return;
                        }
                        long t0 = System.nanoTime();
                        if (!request.send(connection, i)) {
                            errors.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - (rate > 0 ? intended : t0);
                        filled[i] = 1;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println(what + ": " + e);
                }
            }, "client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu1 = serviceCpuNanos();
        long clientCpu1 = clientCpuNanos();
        for (Connection c : connections) {
            c.close();
        }
        int done = Math.min(next.get(), max);
        long[] measured = new long[done];
        int n = 0;
        for (int i = 0; i < done; i++) {
            if (filled[i] == 1) {
                measured[n++] = nanos[i];
            }
        }
        return new Result(what, clients, load, Arrays.copyOf(measured, n), elapsed, errors.get(), cpu0 < 0 ? -1 : cpu1 - cpu0,
                clientCpu0 < 0 ? -1 : clientCpu1 - clientCpu0);
    }

    /** The library on one thread, the same work per request as {@code /advice} minus HTTP: answer, write the compact JSON. */
    static Result inProcess(SciaticaAdvisor advisor, List<Assessment> assessments, double seconds, int max) {
        long[] nanos = new long[max];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int i = 0;
        while (i < max && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            RecommendationJson.compactUtf8(advisor.advise(assessments.get(i % assessments.size())));
            nanos[i++] = System.nanoTime() - t0;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result("library in-process", 1, "one thread", Arrays.copyOf(nanos, i), elapsed, 0, threads.getCurrentThreadCpuTime() - cpu0, -1);
    }

    static String sign(ECKey key, String audience) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).expirationTime(Date.from(now.plusSeconds(600)))
                            .issueTime(Date.from(now)).jwtID(UUID.randomUUID().toString()).build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's process id ({@code -Dservice.pid}, set by the bench script), for its CPU time; null when not given. */
    private static final String SERVICE_PID = System.getProperty("service.pid");

    /** CPU time (user and system) of the service's process so far, from /proc; -1 when unknown. */
    static long serviceCpuNanos() {
        if (SERVICE_PID == null) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", SERVICE_PID, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // fields 14 and 15, in 1/100 s ticks
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of this process (all its threads: clients, GC, JIT) so far; -1 when the JVM does not say. */
    static long clientCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    static void run(URI base, Path dir, double seconds, int max) throws Exception {
        List<String> mix = mix();
        List<Assessment> assessments = mix.stream().map(AssessmentJson::parse).toList();
        SciaticaAdvisor advisor = SciaticaAdvisor.withBundledRules();
        List<byte[]> advice = mix.stream().map(body -> post(base, "/advice", body, null)).toList();
        Request plain = (c, i) -> c.exchange(advice.get(i % advice.size())) == 200;
        ECKey key = ECKey.parse(Files.readString(dir.resolve("ehr-key.json")));
        String hookPath = "/cds-services/" + SciaticaService.PATIENT_VIEW;
        List<String> hookBodies = hookBodies();
        List<Result> results = new ArrayList<>();

        // Warm-up (JIT on both sides, pools, the FHIR context), not reported: at least 10 s, since two seconds left the
        // service still compiling (its CPU per request ten times the steady state's) on a busy machine.
        double warm = Math.max(10, seconds);
        inProcess(advisor, assessments, warm / 2, 50_000);
        closed("warm-up", base, 8, warm, 50_000, plain);
        hookRun("warm-up", base, hookPath, hookBodies, key, 4, warm, 600);

        results.add(inProcess(advisor, assessments, seconds, max));
        for (int clients : new int[] {1, 8, 64}) {
            results.add(closed("POST /advice", base, clients, seconds, max, plain));
        }
        results.add(drive("POST /advice", base, OPEN_CONNECTIONS, String.format(Locale.ROOT, "fixed %,d/s", OPEN_RATE), seconds,
                max, OPEN_RATE, plain));
        results.add(inProcess(advisor, assessments, seconds, max));
        int hookMax = Math.min(max, 3000); // each call needs its own token (jti), signed before the clock starts
        for (int clients : new int[] {1, 8, 64}) {
            results.add(hookRun("patient-view, full prefetch", base, hookPath, hookBodies, key, clients, seconds, hookMax));
        }
        System.out.println("| what | clients | load | requests | p50 ms | p99 ms | max ms | requests/s | CPU ms/request "
                + "| client CPU ms/request | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.line()));
    }

    /** patient-view calls with every prefetch key: a 45-year-old, pain 5 on record, a completed intake (five causes in turn). */
    static List<String> hookBodies() {
        List<String> bodies = new ArrayList<>();
        for (String cause : new String[] {"MUSCLE_TENSION", "PIRIFORMIS_SYNDROME", "GLUTEUS_MINIMUS_REFERRAL", "HERNIATED_DISC", "SPINAL_STENOSIS"}) {
            bodies.add(Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake(cause))));
        }
        return bodies;
    }

    private static Result hookRun(String what, URI base, String path, List<String> bodies, ECKey key, int clients, double seconds,
                                  int max) throws Exception {
        List<byte[]> requests = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            requests.add(post(base, path, bodies.get(i % bodies.size()), sign(key, base.toString().replaceAll("/$", "") + path)));
        }
        return closed(what, base, clients, seconds, max, (c, i) -> c.exchange(requests.get(i)) == 200);
    }
}
