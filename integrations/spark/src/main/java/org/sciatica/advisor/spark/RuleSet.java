package org.sciatica.advisor.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.sciatica.advisor.SciaticaAdvisor;

/**
 * Which rules an advisor loads: the bundled rules (unless left out) plus rule directories, as the
 * command line's {@code --rules DIR}, {@code --no-bundled} and {@code --allow-replacing-protected-rules}
 * say. Travels to the executors, which load the rules themselves: every directory must be readable at
 * the same path on the driver and on every executor (on a cluster, ship it with
 * {@code spark-submit --archives my-rules.zip#my-rules} and give the relative path {@code my-rules}).
 *
 * @param bundled                 whether the bundled rules are loaded
 * @param directories             rule directories, each added after the bundled rules, in this order
 * @param replacingProtectedRules whether a rule may {@code @replaces} a protected rule
 */
public record RuleSet(boolean bundled, List<String> directories, boolean replacingProtectedRules) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks and copies the values.
     *
     * @param bundled                 whether the bundled rules are loaded
     * @param directories             the rule directories
     * @param replacingProtectedRules whether protected rules may be replaced
     */
    public RuleSet {
        directories = List.copyOf(directories);
        if (!bundled && directories.isEmpty()) {
            throw new IllegalArgumentException("without the bundled rules, at least one rule directory is needed");
        }
    }

    /**
     * The bundled rules alone.
     *
     * @return the bundled rule set
     */
    public static RuleSet bundledRules() {
        return new RuleSet(true, List.of(), false);
    }

    /**
     * Only the rules in these directories, as the command line's {@code --no-bundled}.
     *
     * @param directories the rule directories
     * @return the rule set
     */
    public static RuleSet only(String... directories) {
        return new RuleSet(false, List.of(directories), false);
    }

    /**
     * Loads the rules; slow (a second or more), so the job does it once per JVM ({@link Advisors}).
     *
     * @return the advisor
     * @throws org.sciatica.advisor.RuleLoadException listing every problem
     */
    public SciaticaAdvisor load() {
        SciaticaAdvisor.Builder builder = SciaticaAdvisor.builder();
        if (!bundled) {
            builder.withoutBundledRules();
        }
        if (replacingProtectedRules) {
            builder.allowReplacingProtectedRules();
        }
        directories.forEach(d -> builder.addRuleDirectory(Path.of(Objects.requireNonNull(d, "directory"))));
        return builder.build();
    }
}
