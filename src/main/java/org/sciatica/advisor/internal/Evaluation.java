package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.RuleInfo;
import org.jspecify.annotations.Nullable;

/**
 * Runs the rules over one assessment in an empty session (from the rule base's pool, reset after
 * each use) and records what they said: every fact a rule inserted and did not retract, stamped
 * with that rule, and every rule that fired. Rules that depend on the absence of a fact
 * ({@code not ...}) use {@code insertLogical}, so what they said is withdrawn when the fact appears
 * later: the answer does not depend on the order rules fire in. One instance per evaluation.
 */
final class Evaluation {
    /** A guard against rules that loop: far above what the bundled rules need (about 30). */
    static final int MAX_FIRINGS = 10_000;

    /** A fact and the rule that inserted it. */
    record Said(Object fact, RuleInfo rule) {
    }

    // Catalog entries are one instance per rule, so the sets compare them by identity: hashing a
    // RuleInfo record hashes its source and effects, which showed in the batch profile.
    private final List<Said> said = new ArrayList<>();
    /** The rules that fired, in no particular order (the answer orders them by the catalog). */
    private final Set<RuleInfo> fired = identitySet();
    /** The rules that inserted anything, withdrawn or not. */
    private final Set<RuleInfo> inserted = identitySet();

    private Evaluation() {
    }

    /** What some other source of decisions said, in the same form (the benchmarks' hand-coded baseline). */
    Evaluation(List<Said> said, Set<RuleInfo> fired) {
        this.said.addAll(said);
        this.fired.addAll(fired);
    }

    /**
     * Runs the rules in force on {@code date} (the others' matches are never fired) in a session
     * from the rule base's pool: a session is reset when it goes back, so every evaluation starts
     * from an empty session, as a fresh one would (a test compares the two on every case).
     */
    static Evaluation run(RuleBase rules, Assessment assessment, java.time.LocalDate date) {
        return run(rules, assessment, date, rules.pooledSession());
    }

    /** As {@link #run(RuleBase, Assessment, java.time.LocalDate)} in a new session, made and disposed here. */
    static Evaluation runInFreshSession(RuleBase rules, Assessment assessment, java.time.LocalDate date) {
        return run(rules, assessment, date, rules.freshSession());
    }

    private static Evaluation run(RuleBase rules, Assessment assessment, java.time.LocalDate date, KieSession session) {
        Evaluation evaluation = new Evaluation();
        Recorder recorder = Recorder.on(session, rules);
        recorder.evaluation = evaluation;
        try {
            session.insert(assessment);
            int firings = rules.alwaysInForce() ? session.fireAllRules(MAX_FIRINGS)
                    : session.fireAllRules(match -> rules.inForce(rules.info(match.getRule()), date), MAX_FIRINGS);
            if (firings >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + MAX_FIRINGS
                        + " times without settling; a rule probably loops (a rule that inserts what it matches?)");
            }
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("rule \"" + e.getMatch().getRule().getName() + "\" failed in its action: "
                    + cause.getMessage(), cause);
        } finally {
            recorder.evaluation = null;
            session.dispose();
        }
        // A rule whose every conclusion was withdrawn (a logical insert whose condition stopped
        // holding) does not apply to this client, so it is not listed as fired.
        Set<RuleInfo> standing = identitySet();
        evaluation.said.forEach(s -> standing.add(s.rule()));
        evaluation.fired.removeIf(rule -> evaluation.inserted.contains(rule) && !standing.contains(rule));
        return evaluation;
    }

    /**
     * Records what the rules say in one session, for the evaluation in progress on it; added to a
     * session once and kept while the pool reuses the session.
     */
    private static final class Recorder extends DefaultRuleRuntimeEventListener {
        private final RuleBase rules;
        private final DefaultAgendaEventListener firings;
        @Nullable Evaluation evaluation;

        private Recorder(RuleBase rules) {
            this.rules = rules;
            this.firings = new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Evaluation e = evaluation;
                    if (e != null) {
                        e.fired.add(rules.info(event.getMatch().getRule()));
                    }
                }
            };
        }

        /** The session's recorder, added to it the first time. */
        static Recorder on(KieSession session, RuleBase rules) {
            for (Object listener : session.getRuleRuntimeEventListeners()) {
                if (listener instanceof Recorder recorder) {
                    return recorder;
                }
            }
            Recorder recorder = new Recorder(rules);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            session.addEventListener(recorder.firings);
            return recorder;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Evaluation e = evaluation;
            if (e != null && event.getRule() != null) {
                RuleInfo rule = rules.info(event.getRule());
                e.said.add(new Said(event.getObject(), rule));
                e.inserted.add(rule);
            }
        }

        // Retracts are honoured: a fact that is retracted, or a logical insert whose condition
        // stopped holding, is no longer part of what the rules said.
        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            Evaluation e = evaluation;
            if (e == null) {
                return;
            }
            Object gone = event.getOldObject();
            for (int i = e.said.size() - 1; i >= 0; i--) {
                if (e.said.get(i).fact() == gone) {
                    e.said.remove(i);
                    break;
                }
            }
        }
    }

    private static Set<RuleInfo> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    List<Said> said() {
        return said;
    }

    Set<RuleInfo> fired() {
        return fired;
    }
}
