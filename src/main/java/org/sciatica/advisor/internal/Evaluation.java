package org.sciatica.advisor.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.RuleInfo;

/**
 * Runs the rules over one assessment in a fresh session and records what they said: every fact a
 * rule inserted, stamped with that rule, and every rule that fired. One instance per evaluation.
 */
final class Evaluation {
    /** A guard against rules that loop: far above what the bundled rules need (about 30). */
    static final int MAX_FIRINGS = 10_000;

    /** A fact and the rule that inserted it. */
    record Said(Object fact, RuleInfo rule) {
    }

    private final List<Said> said = new ArrayList<>();
    private final Set<RuleInfo> fired = new LinkedHashSet<>();

    private Evaluation() {
    }

    /** What some other source of decisions said, in the same form (the benchmarks' hand-coded baseline). */
    Evaluation(List<Said> said, Set<RuleInfo> fired) {
        this.said.addAll(said);
        this.fired.addAll(fired);
    }

    static Evaluation run(RuleBase rules, Assessment assessment) {
        Evaluation evaluation = new Evaluation();
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        evaluation.said.add(new Said(event.getObject(), rules.info(event.getRule())));
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
            int firings = session.fireAllRules(MAX_FIRINGS);
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
        return evaluation;
    }

    List<Said> said() {
        return said;
    }

    Set<RuleInfo> fired() {
        return fired;
    }
}
