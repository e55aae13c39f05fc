package org.sciatica.advisor.internal;

import java.util.Map;
import java.util.TreeMap;

import org.drools.core.impl.RuleBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.runtime.KieSessionConfiguration;

/**
 * Drools' own options for a rule base and for the sessions evaluations run in, by Drools' property
 * names and values (as a {@code kmodule.xml} would give them). {@link #CHOSEN} is what the library
 * uses; the benchmarks build rule bases with others to compare them in one JVM.
 *
 * @param kieBase options of the rule base, such as {@code drools.shareAlphaNodes}
 * @param session options of each session, such as {@code drools.threadSafe}
 */
record DroolsOptions(Map<String, String> kieBase, Map<String, String> session) {
    /** The options the library runs with: Drools' defaults (see docs/PERFORMANCE.md for what was measured). */
    static final DroolsOptions CHOSEN = new DroolsOptions(Map.of(), Map.of());

    DroolsOptions {
        kieBase = java.util.Collections.unmodifiableMap(new TreeMap<>(kieBase));
        session = java.util.Collections.unmodifiableMap(new TreeMap<>(session));
    }

    /** The rule base configuration, or null for Drools' defaults. */
    org.kie.api.@org.jspecify.annotations.Nullable KieBaseConfiguration kieBaseConfiguration(ClassLoader loader) {
        if (kieBase.isEmpty()) {
            return null;
        }
        KieBaseConfiguration configuration = RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader);
        kieBase.forEach(configuration::setProperty);
        return configuration;
    }

    /** The session configuration, or null for Drools' defaults. */
    org.kie.api.runtime.@org.jspecify.annotations.Nullable KieSessionConfiguration sessionConfiguration() {
        if (session.isEmpty()) {
            return null;
        }
        KieSessionConfiguration configuration = RuleBaseFactory.newKnowledgeSessionConfiguration();
        session.forEach(configuration::setProperty);
        return configuration;
    }
}
