package org.sciatica.advisor.internal;

import java.util.Map;
import java.util.TreeMap;

import org.drools.core.impl.RuleBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.KieBaseMutabilityOption;
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
    /**
     * The options the library runs with; Drools' defaults otherwise (docs/PERFORMANCE.md says what
     * else was measured). An immutable rule base: rules are only added and removed while it is
     * loaded, before any session exists, and its sessions then keep facts in a plain identity
     * store, which a reset empties instead of rebuilding one store per fact class (5 to 11% of a
     * warm answer). Drools then also drops from the store a fact no rule matches; what the rules
     * said is recorded as they insert it, and DroolsOptionsTest checks the answers equal Drools'
     * defaults on both benchmark mixes.
     */
    static final DroolsOptions CHOSEN = new DroolsOptions(Map.of(KieBaseMutabilityOption.PROPERTY_NAME,
            KieBaseMutabilityOption.DISABLED.name()), Map.of());

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
