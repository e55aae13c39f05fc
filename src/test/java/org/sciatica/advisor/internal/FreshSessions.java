package org.sciatica.advisor.internal;

import java.time.LocalDate;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;

/**
 * Answers with a new rule session for every evaluation, as the library did before it reused
 * sessions from a pool: the reference the pooled answers are compared with (they must be
 * identical), and the benchmarks' measure of what the pool saves.
 */
public final class FreshSessions {
    private final Engine engine;

    public FreshSessions(Engine engine) {
        this.engine = engine;
    }

    public Recommendation advise(Assessment assessment, LocalDate asOf) {
        return engine.monitored(assessment,
                engine.assembler().assemble(assessment, Evaluation.runInFreshSession(engine.rules(), assessment, asOf), asOf));
    }
}
