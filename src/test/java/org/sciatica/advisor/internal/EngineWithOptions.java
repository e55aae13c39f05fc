package org.sciatica.advisor.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Engines built with Drools options other than the library's, for the benchmarks that compare them
 * in one JVM. A setting is {@code base:NAME=VALUE} (an option of the rule base) or
 * {@code session:NAME=VALUE} (an option of each session), with Drools' property names, for example
 * {@code session:drools.threadSafe=false}; several are separated by commas.
 */
public final class EngineWithOptions {
    private EngineWithOptions() {
    }

    /**
     * The bundled rules (from the precompiled model) with the library's options and these on top.
     *
     * @param settings the settings, comma-separated
     * @return the engine
     */
    public static Engine bundled(String settings) {
        return Engine.compile(RuleFile.bundled(), true, options(settings));
    }

    /**
     * The bundled rules compiled from DRL with the library's options and these on top.
     *
     * @param settings the settings, comma-separated
     * @return the engine
     */
    public static Engine bundledFromDrl(String settings) {
        return Engine.compile(RuleFile.bundled(), false, options(settings));
    }

    static DroolsOptions options(String settings) {
        Map<String, String> kieBase = new TreeMap<>(DroolsOptions.CHOSEN.kieBase());
        Map<String, String> session = new TreeMap<>(DroolsOptions.CHOSEN.session());
        for (String setting : settings.split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            int colon = setting.indexOf(':');
            int equals = setting.indexOf('=');
            if (colon < 0 || equals < colon) {
                throw new IllegalArgumentException("settings: \"" + setting.strip()
                        + "\" is not base:NAME=VALUE or session:NAME=VALUE");
            }
            String scope = setting.substring(0, colon).strip();
            String name = setting.substring(colon + 1, equals).strip();
            String value = setting.substring(equals + 1).strip();
            switch (scope) {
                case "base" -> kieBase.put(name, value);
                case "session" -> session.put(name, value);
                default -> throw new IllegalArgumentException("settings: \"" + scope + "\" is neither base nor session, in \""
                        + setting.strip() + "\"");
            }
        }
        return new DroolsOptions(kieBase, session);
    }
}
