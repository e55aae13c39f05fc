package org.sciatica.advisor.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.json.AssessmentJson;
import org.sciatica.advisor.json.RecommendationJson;

/**
 * Latency and throughput of the service on loopback, beside the library answering the same assessments
 * in-process in the same run: {@code bash bench/service.sh [SECONDS] [MAX_REQUESTS]}. Not a test: it asserts
 * nothing and runs only when called. Each measurement is bounded by both a time and a request count.
 */
public final class ServiceBench {
    private static final String[] CAUSES = {"MUSCLE_TENSION", "PIRIFORMIS_SYNDROME", "GLUTEUS_MINIMUS_REFERRAL", "HERNIATED_DISC", "SPINAL_STENOSIS", "UNKNOWN"};
    private static final String[] SENSITIVITY = {"LOW", "MODERATE", "HIGH"};
    private static final String[] INFLAMMATION = {"NONE", "MILD", "ACUTE"};

    private ServiceBench() {
    }

    /** The same 162 assessments for every measurement: each cause, sensitivity and inflammation at pain 2, 5 and 8. */
    static List<String> mix() {
        List<String> mix = new ArrayList<>();
        for (String c : CAUSES) {
            for (String s : SENSITIVITY) {
                for (String i : INFLAMMATION) {
                    for (int pain : new int[] {2, 5, 8}) {
                        mix.add("{\"cause\": \"" + c + "\", \"sensitivity\": \"" + s + "\", \"inflammation\": \"" + i + "\", \"painLevel\": " + pain
                                + ", \"tenseAreas\": [\"PIRIFORMIS\"]}");
                    }
                }
            }
        }
        return mix;
    }

    record Result(String what, int clients, int requests, double seconds, long[] nanos) {
        String line() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "| %s | %d | %,d | %.3f | %.3f | %,.0f |", what, clients, requests,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                    requests / seconds);
        }
    }

    interface Call {
        void call(int i) throws Exception;
    }

    static Result measure(String what, int clients, double seconds, int max, Call call) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long[] nanos = new long[max];
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < max) {
                    long t0 = System.nanoTime();
                    try {
                        call.call(i);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    nanos[i] = System.nanoTime() - t0;
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int done = Math.min(next.get(), max);
        return new Result(what, clients, done, elapsed, Arrays.copyOf(nanos, done));
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path dir = Files.createTempDirectory("service-bench");
        List<String> mix = mix();
        List<Assessment> assessments = mix.stream().map(AssessmentJson::parse).toList();
        SciaticaAdvisor advisor = SciaticaAdvisor.withBundledRules();
        List<Result> results = new ArrayList<>();
        try (Harness h = Harness.start(dir)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            URI advice = URI.create(h.url("/advice"));
            String hookPath = "/cds-services/sciatica-patient-view";
            URI hook = URI.create(h.url(hookPath));
            List<String> hookBodies = new ArrayList<>();
            for (String cause : CAUSES) {
                hookBodies.add(Fixtures.hookRequest("patient-view", Fixtures.prefetch(Fixtures.intake(cause))));
            }
            Call inProcess = i -> RecommendationJson.compactUtf8(advisor.advise(assessments.get(i % assessments.size())));
            Call plain = i -> {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(advice).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(mix.get(i % mix.size()))).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("/advice answered " + r.statusCode());
                }
            };
            // Warm-up (JIT, pools, the FHIR context), not measured.
            measure("warm-up", 1, seconds, 2000, inProcess);
            measure("warm-up", 8, seconds, 4000, plain);
            for (int clients : new int[] {1, 8, 64}) {
                results.add(measure("library in-process (1 thread)", 1, seconds, max, inProcess));
                results.add(measure("POST /advice", clients, seconds, max, plain));
            }
            int hookMax = Math.min(max, 3000); // each call needs a fresh token (jti), signed before the clock starts
            String[] warmTokens = new String[300];
            for (int i = 0; i < warmTokens.length; i++) {
                warmTokens[i] = Harness.sign(h.url(hookPath));
            }
            measure("warm-up", 4, seconds, warmTokens.length, i -> http.send(HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + warmTokens[i]).POST(HttpRequest.BodyPublishers.ofString(hookBodies.get(i % hookBodies.size()))).build(),
                    HttpResponse.BodyHandlers.discarding()));
            for (int clients : new int[] {1, 8, 64}) {
                String[] tokens = new String[hookMax];
                for (int i = 0; i < hookMax; i++) {
                    tokens[i] = Harness.sign(h.url(hookPath));
                }
                Call patientView = i -> {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + tokens[i]).POST(HttpRequest.BodyPublishers.ofString(hookBodies.get(i % hookBodies.size()))).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("patient-view answered " + r.statusCode());
                    }
                };
                results.add(measure("patient-view, full prefetch", clients, seconds, hookMax, patientView));
            }
        }
        System.out.println("| what | clients | requests | p50 ms | p99 ms | requests/s |");
        System.out.println("|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.line()));
    }
}
