package org.sciatica.advisor.tools;

import java.io.IOException;
import java.nio.file.Path;

import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.RuleProblem;
import org.sciatica.advisor.internal.ModelGenerator;

/**
 * Build step for a clinic's rule project: precompiles a rule directory into the Drools executable
 * model, so that loading it at run time compiles nothing (no Java compiler is loaded, and the start
 * is faster). Run it in the clinic's build with {@code exec-maven-plugin}, with
 * {@code org.drools:drools-model-codegen} (the library's Drools version) as the plugin's dependency:
 * docs/RULE-AUTHORING.md shows the configuration.
 *
 * <p>It writes into the output directory a copy of the rule directory (its {@code .drl} files and
 * its {@code sources.csv}, {@code vocabulary.csv} and {@code safety-departures.csv}) and
 * {@code sciatica-advisor-model.jar}: the model, with a digest of the {@code .drl} files (names and
 * texts) it was made from. Load the output directory as any rule directory
 * ({@code SciaticaAdvisor.builder().addRuleDirectory}, {@code --rules}): when its {@code .drl} files
 * are the ones the model was made from, the rules come from the model; when they differ (edited after
 * the build) the model is stale and never used: the rules are compiled from DRL as for any directory,
 * and {@code SciaticaAdvisor.ruleLoadWarnings()} (on the command line, a line on standard error)
 * names the directory and why. Every load check runs on the texts either way, with the same results.
 */
public final class PrecompileRules {
    private PrecompileRules() {
    }

    /**
     * Precompiles a rule directory.
     *
     * @param args the rule directory, then the output directory (made if missing; may be the rule
     *             directory itself, then only the model's jar is written)
     * @throws IllegalArgumentException when not given exactly two directories
     * @throws IllegalStateException    when the rules cannot be read or do not compile (every
     *                                  problem is printed first on standard error as
     *                                  {@code file:line:column: message}); nothing is written then
     * @throws IOException              when the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("args: expected RULE_DIRECTORY OUTPUT_DIRECTORY, got " + args.length
                    + " argument(s)");
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int files;
        try {
            files = ModelGenerator.precompile(in, out);
        } catch (RuleLoadException e) {
            for (RuleProblem problem : e.problems()) {
                System.err.println(problem);
            }
            throw new IllegalStateException(in + ": " + e.problems().size() + " problem(s) above; nothing was precompiled");
        }
        System.out.println("precompiled " + files + " rule file(s) of " + in + " into " + out);
    }
}
