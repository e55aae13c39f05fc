package org.sciatica.advisor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.internal.BenchmarkMix;

/**
 * Heap and metaspace taken by one loaded rule base: measured after a full GC before and after
 * building the advisor (and warming it on the benchmark mix), in a fresh JVM. Run by
 * {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=org.sciatica.advisor.bench.MemoryReport -Dbench.args=}.
 */
public final class MemoryReport {
    private MemoryReport() {
    }

    public static void main(String[] args) {
        long heap0 = usedHeapAfterGc();
        long meta0 = metaspace();
        SciaticaAdvisor advisor = SciaticaAdvisor.withBundledRules();
        BenchmarkMix.assessments().forEach(advisor::advise);
        long heap1 = usedHeapAfterGc();
        long meta1 = metaspace();
        SciaticaAdvisor second = SciaticaAdvisor.withBundledRules();
        BenchmarkMix.assessments().forEach(second::advise);
        long heap2 = usedHeapAfterGc();
        long meta2 = metaspace();
        System.out.printf("first rule base (with the Drools runtime it loads): heap %.1f MiB, metaspace %.1f MiB%n",
                mib(heap1 - heap0), mib(meta1 - meta0));
        System.out.printf("each further rule base:                              heap %.1f MiB, metaspace %.1f MiB%n",
                mib(heap2 - heap1), mib(meta2 - meta1));
        System.out.println(advisor.rules().size() + " rules; " + second.rulesVersion());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long metaspace() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().contains("Metaspace") || pool.getName().contains("Compressed Class")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
