package org.sciatica.advisor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.internal.BenchmarkMix;

/**
 * The same workload with the bundled rules plus 0, 100, 500 or 1,000 generated rules. "idle"
 * rules never match (cost of rules that are there); "matching" rules each match one pain level
 * and cause, so about 1 in 77 fires per case and inserts a fact (cost of matches). The extra rules
 * are compiled from DRL on top of the precompiled bundled rules, as a clinic's rules are.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class RuleCountBenchmark {
    /** The sources registry beside the generated rules: the one source they cite. */
    private static final String SOURCES = "id,kind,title,publisher,year,url,takes\n"
            + "benchmark,policy,Generated benchmark rules,Sciatica Advisor benchmarks,2026,,"
            + "\"Rules generated to measure the engine; not clinical advice.\"\n";

    @Param({"0", "100", "500", "1000"})
    public int extraRules;

    @Param({"idle", "matching"})
    public String kind;

    private SciaticaAdvisor advisor;
    private Assessment[] mix;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        mix = BenchmarkMix.assessments().toArray(Assessment[]::new);
        advisor = withGeneratedRules(SciaticaAdvisor.builder(), extraRules, kind.equals("matching")).build();
    }

    /**
     * Adds {@code count} generated rules (none for 0), in a temporary directory with the sources
     * registry they cite, to the builder.
     */
    static SciaticaAdvisor.Builder withGeneratedRules(SciaticaAdvisor.Builder builder, int count, boolean matching)
            throws IOException {
        if (count > 0) {
            Path dir = Files.createTempDirectory("generated-rules");
            Files.writeString(dir.resolve("generated.drl"), generate(count, matching));
            Files.writeString(dir.resolve("sources.csv"), SOURCES);
            builder.addRuleDirectory(dir);
        }
        return builder;
    }

    static String generate(int count, boolean matching) {
        StringBuilder drl = new StringBuilder("package org.sciatica.advisor.generated;\n"
                + "import org.sciatica.advisor.*;\nimport org.sciatica.advisor.facts.*;\n");
        String[] causes = {"MUSCLE_TENSION", "PIRIFORMIS_SYNDROME", "GLUTEUS_MINIMUS_REFERRAL", "HERNIATED_DISC",
                "SPINAL_STENOSIS", "OTHER_SPINAL", "UNKNOWN"};
        for (int i = 0; i < count; i++) {
            int pain = matching ? i % 11 : 100 + i;
            drl.append("rule \"Generated rule ").append(i).append("\" @id(\"GEN-").append(i)
                    .append("\") @source(\"benchmark\")\nwhen\n    Assessment( painLevel == ").append(pain)
                    .append(", cause == Cause.").append(causes[(i / 11) % causes.length]).append(" )\nthen\n")
                    .append("    insert( new Focus(BodyArea.GLUTEUS_MAXIMUS, \"generated ").append(i).append("\") );\nend\n");
        }
        return drl.toString();
    }

    @Benchmark
    public Recommendation advise() {
        Assessment a = mix[next];
        next = next + 1 == mix.length ? 0 : next + 1;
        return advisor.advise(a);
    }
}
