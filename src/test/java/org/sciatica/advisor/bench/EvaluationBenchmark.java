package org.sciatica.advisor.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.internal.BenchmarkMix;
import org.sciatica.advisor.internal.Engine;
import org.sciatica.advisor.internal.FreshSessions;
import org.sciatica.advisor.internal.HandCodedRules;
import org.sciatica.advisor.internal.MonitorProbe;
import org.sciatica.advisor.internal.RuleFile;

/**
 * Warm evaluation of the bundled rules on a realistic mix, against the hand-coded baseline (the
 * same decisions in plain Java, fed to the same assembler and the same safety monitor), with 1 and
 * 2 threads, and the runtime safety monitor alone. Throughput in operations per millisecond,
 * summed over threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EvaluationBenchmark {

    @State(Scope.Benchmark)
    public static class Shared {
        SciaticaAdvisor advisor;
        HandCodedRules baseline;
        FreshSessions fresh;
        Assessment[] mix;
        Recommendation[] answers;

        @Setup(Level.Trial)
        public void setUp() {
            advisor = SciaticaAdvisor.withBundledRules();
            baseline = new HandCodedRules(Engine.compile(RuleFile.bundled()));
            fresh = new FreshSessions(Engine.compile(RuleFile.bundled()));
            List<Assessment> list = BenchmarkMix.assessments();
            mix = list.toArray(Assessment[]::new);
            answers = new Recommendation[mix.length];
            for (int i = 0; i < mix.length; i++) {
                answers[i] = advisor.advise(mix[i]);
            }
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Assessment next(Assessment[] mix) {
            Assessment a = mix[next];
            next = next + 1 == mix.length ? 0 : next + 1;
            return a;
        }
    }

    @Benchmark
    @Threads(1)
    public Recommendation rules1Thread(Shared shared, Cursor cursor) {
        return shared.advisor.advise(cursor.next(shared.mix));
    }

    @Benchmark
    @Threads(2)
    public Recommendation rules2Threads(Shared shared, Cursor cursor) {
        return shared.advisor.advise(cursor.next(shared.mix));
    }

    /** The rules in a new session for every answer, as before sessions were pooled: what the pool saves. */
    @Benchmark
    @Threads(1)
    public Recommendation rulesFreshSession1Thread(Shared shared, Cursor cursor) {
        return shared.fresh.advise(cursor.next(shared.mix), HandCodedRules.AS_OF);
    }

    /** The runtime safety monitor alone, on the answers to the mix: its cost per answer. */
    @Benchmark
    @Threads(1)
    public int safetyMonitor1Thread(Shared shared, Cursor cursor) {
        int i = cursor.next;
        cursor.next(shared.mix);
        return MonitorProbe.violations(shared.mix[i], shared.answers[i]);
    }

    @Benchmark
    @Threads(1)
    public Recommendation handCoded1Thread(Shared shared, Cursor cursor) {
        return shared.baseline.advise(cursor.next(shared.mix));
    }

    @Benchmark
    @Threads(2)
    public Recommendation handCoded2Threads(Shared shared, Cursor cursor) {
        return shared.baseline.advise(cursor.next(shared.mix));
    }
}
