package org.sciatica.advisor.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.internal.BenchmarkMix;
import org.sciatica.advisor.internal.Engine;
import org.sciatica.advisor.internal.FreshSessions;
import org.sciatica.advisor.internal.HandCodedRules;
import org.sciatica.advisor.internal.RuleFile;

/**
 * Warm evaluation, one thread, as a paired comparison: the rules, the rules in a fresh session per
 * answer, and the hand-coded baseline run in short alternating slices (order rotated each round)
 * in one JVM, so a slow spell of this shared machine hits all of them alike. Prints each one's
 * median time per answer and the median and interquartile range of the per-round ratios to the
 * baseline. Arguments: warm-up seconds (default 30), rounds (default 60), slice milliseconds
 * (default 300), and optionally {@code rule-count}: then the runs compared are the bundled rules
 * alone (the baseline) and the bundled rules plus 100, 500 and 1,000 generated rules, idle or
 * matching (see {@link RuleCountBenchmark}); or {@code variant DIR}: the bundled rules against a rewrite of
 * them in DIR, both compiled from DRL; or {@code options SETTINGS...}: the bundled rules with the
 * library's Drools options against the same rules built with each argument's settings (see
 * {@link org.sciatica.advisor.internal.EngineWithOptions}), for example
 * {@code options session:drools.threadSafe=false base:drools.shareAlphaNodes=false}.
 */
public final class PairedRatio {
    private static volatile Object sink;

    private PairedRatio() {
    }

    public static void main(String[] args) throws java.io.IOException {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 300) * 1_000_000L;
        LocalDate asOf = HandCodedRules.AS_OF;
        Engine engine = Engine.compile(RuleFile.bundled());
        HandCodedRules baseline = new HandCodedRules(engine);
        FreshSessions fresh = new FreshSessions(Engine.compile(RuleFile.bundled()));
        Assessment[] mix = BenchmarkMix.assessments().toArray(Assessment[]::new);
        List<String> names = new ArrayList<>(List.of("rules (pooled sessions)", "rules (fresh session per answer)",
                "hand-coded baseline"));
        List<Function<Assessment, Recommendation>> runs = new ArrayList<>(List.of(a -> engine.advise(a, asOf),
                a -> fresh.advise(a, asOf), baseline::advise));
        if (args.length > 3 && args[3].equals("rule-count")) {
            names.clear();
            runs.clear();
            for (int extra : new int[] {100, 500, 1000}) {
                for (String kind : List.of("idle", "matching")) {
                    org.sciatica.advisor.SciaticaAdvisor advisor = RuleCountBenchmark.withGeneratedRules(
                            org.sciatica.advisor.SciaticaAdvisor.builder().asOf(asOf), extra, kind.equals("matching")).build();
                    names.add("bundled + " + extra + " " + kind);
                    runs.add(advisor::advise);
                }
            }
            names.add("bundled rules alone");
            runs.add(a -> engine.advise(a, asOf));
        }
        if (args.length > 4 && args[3].equals("variant")) {
            // A rewrite of the bundled rules (a directory of .drl files plus sources.csv) against the
            // bundled rules, both compiled from DRL in this JVM, with the hand-coded baseline last.
            names.clear();
            runs.clear();
            Engine bundledDrl = Engine.compileFromDrl(RuleFile.bundled(), org.sciatica.advisor.internal.RuleBase.Options.DEFAULT);
            Engine variant = Engine.compileFromDrl(RuleFile.directory(java.nio.file.Path.of(args[4])),
                    org.sciatica.advisor.internal.RuleBase.Options.DEFAULT);
            names.add("bundled rules (from DRL)");
            runs.add(a -> bundledDrl.advise(a, asOf));
            names.add("variant " + args[4] + " (from DRL)");
            runs.add(a -> variant.advise(a, asOf));
            names.add("hand-coded baseline");
            runs.add(baseline::advise);
        }
        if (args.length > 4 && args[3].equals("options")) {
            // The bundled rules built with Drools options (one variant per argument, see
            // EngineWithOptions) against the library's, with the hand-coded baseline last.
            names.clear();
            runs.clear();
            names.add("rules (library's options)");
            runs.add(a -> engine.advise(a, asOf));
            for (int v = 4; v < args.length; v++) {
                Engine variant = org.sciatica.advisor.internal.EngineWithOptions.bundled(args[v]);
                names.add(args[v]);
                runs.add(a -> variant.advise(a, asOf));
            }
            names.add("hand-coded baseline");
            runs.add(baseline::advise);
        }

        long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (Function<Assessment, Recommendation> run : runs) {
                slice(run, mix, 100_000_000L);
            }
        }
        List<List<Double>> micros = new ArrayList<>();
        runs.forEach(r -> micros.add(new ArrayList<>()));
        List<List<Double>> ratios = new ArrayList<>();
        runs.forEach(r -> ratios.add(new ArrayList<>()));
        List<List<Double>> toFirst = new ArrayList<>();
        runs.forEach(r -> toFirst.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            double[] perAnswer = new double[runs.size()];
            for (int k = 0; k < runs.size(); k++) {
                int i = (k + round) % runs.size();
                perAnswer[i] = slice(runs.get(i), mix, sliceNanos);
            }
            for (int i = 0; i < runs.size(); i++) {
                micros.get(i).add(perAnswer[i]);
                ratios.get(i).add(perAnswer[i] / perAnswer[runs.size() - 1]);
                toFirst.get(i).add(perAnswer[i] / perAnswer[0]);
            }
        }
        System.out.printf("%d rounds of %d ms slices after %d s of warm-up, one thread, the 1,000-case mix%n", rounds,
                sliceNanos / 1_000_000, warmupSeconds);
        for (int i = 0; i < runs.size(); i++) {
            List<Double> r = ratios.get(i);
            System.out.printf("  %-40s median %6.1f us/answer; ratio to the baseline: median %.2fx (IQR %.2f-%.2f)%n",
                    names.get(i), quantile(micros.get(i), 0.5), quantile(r, 0.5), quantile(r, 0.25), quantile(r, 0.75));
        }
        // Each contender against the first, round by round: the figure for an A/B of two variants.
        for (int i = 1; i < runs.size() - 1; i++) {
            List<Double> r = toFirst.get(i);
            System.out.printf("  %-40s time to the first's: median %.3f (IQR %.3f-%.3f)%n", names.get(i), quantile(r, 0.5),
                    quantile(r, 0.25), quantile(r, 0.75));
        }
    }

    /** Runs answers for about {@code nanos}; returns microseconds per answer. */
    private static double slice(Function<Assessment, Recommendation> run, Assessment[] mix, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        int n = 0;
        long now;
        do {
            for (int j = 0; j < 50; j++) {
                sink = run.apply(mix[(n + j) % mix.length]);
            }
            n += 50;
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1000.0 / n;
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }
}
