package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
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

/**
 * Runs the rules over one assessment in a fresh session and records what they said: every fact a
 * rule inserted and did not retract, stamped with that rule, and every rule that fired. Rules that
 * depend on the absence of a fact ({@code not ...}) use {@code insertLogical}, so what they said is
 * withdrawn when the fact appears later: the answer does not depend on the order rules fire in.
 * One instance per evaluation.
 */
final class Evaluation {
    /** A guard against rules that loop: far above what the bundled rules need (about 30). */
    static final int MAX_FIRINGS = 10_000;

    /** A fact and the rule that inserted it. */
    record Said(Object fact, RuleInfo rule) {
    }

    private final List<Said> said = new ArrayList<>();
    private final Set<RuleInfo> fired = new LinkedHashSet<>();
    /** The rules that inserted anything, withdrawn or not. */
    private final Set<RuleInfo> inserted = new java.util.HashSet<>();

    private Evaluation() {
    }

    /** What some other source of decisions said, in the same form (the benchmarks' hand-coded baseline). */
    Evaluation(List<Said> said, Set<RuleInfo> fired) {
        this.said.addAll(said);
        this.fired.addAll(fired);
    }

    /** Runs the rules in force on {@code date}: the others' matches are never fired. */
    static Evaluation run(RuleBase rules, Assessment assessment, java.time.LocalDate date) {
        Evaluation evaluation = new Evaluation();
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        RuleInfo rule = rules.info(event.getRule());
                        evaluation.said.add(new Said(event.getObject(), rule));
                        evaluation.inserted.add(rule);
                    }
                }

                // Retracts are honoured: a fact that is retracted, or a logical insert whose
                // condition stopped holding, is no longer part of what the rules said.
                @Override
                public void objectDeleted(ObjectDeletedEvent event) {
                    Object gone = event.getOldObject();
                    for (int i = evaluation.said.size() - 1; i >= 0; i--) {
                        if (evaluation.said.get(i).fact() == gone) {
                            evaluation.said.remove(i);
                            break;
                        }
                    }
                }
            });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    evaluation.fired.add(rules.info(event.getMatch().getRule()));
                }
            });
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
            session.dispose();
        }
        // A rule whose every conclusion was withdrawn (a logical insert whose condition stopped
        // holding) does not apply to this client, so it is not listed as fired.
        Set<RuleInfo> standing = new java.util.HashSet<>();
        evaluation.said.forEach(s -> standing.add(s.rule()));
        evaluation.fired.removeIf(rule -> evaluation.inserted.contains(rule) && !standing.contains(rule));
        return evaluation;
    }

    List<Said> said() {
        return said;
    }

    Set<RuleInfo> fired() {
        return fired;
    }
}
