package org.sciatica.advisor.internal;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;

/** For the benchmarks: the runtime safety monitor alone, on an answer already made. */
public final class MonitorProbe {
    private MonitorProbe() {
    }

    /** The number of safety lines the answer breaks (0 for every bundled answer). */
    public static int violations(Assessment assessment, Recommendation answer) {
        return SafetyMonitor.check(assessment, answer, fired -> java.util.List.of()).size();
    }
}
