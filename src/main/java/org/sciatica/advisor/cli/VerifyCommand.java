package org.sciatica.advisor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.sciatica.advisor.RuleLoadException;
import org.sciatica.advisor.SafetyVerification;
import org.sciatica.advisor.SciaticaAdvisor;

/**
 * {@code verify}: answers the input space (or a stated, seeded sample of it) with a rule set
 * through the runtime safety monitor and lists every break with its safety line, the rules
 * involved and an example; exit 3 on any break, so a clinic's CI fails before a client gets a
 * refused answer.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Checks a rule set against the safety table before any client sees it: answers every assessment of the",
                "input space (or --sample N of them) through the runtime safety monitor and lists each safety line",
                "broken, with the rules involved and an example input.",
                ""},
        footer = {
                "",
                "Exit codes: 0 no safety line broken; 2 bad usage or rules that do not load; 3 some answer broke a",
                "safety line (or the rules failed while running)."})
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Add every .drl file in DIR to the bundled rules. Repeatable.")
    List<Path> ruleDirectories = new ArrayList<>();

    @Option(names = "--no-bundled", description = "Leave the bundled rules out: only the rule directories given count.")
    boolean noBundled;

    @Option(names = "--allow-replacing-protected-rules", description = "Let a rule's @replaces replace a protected rule.")
    boolean replaceProtected;

    @Option(names = "--with-drafts", description = "Verify draft rules (@status(\"draft\")) too.")
    boolean withDrafts;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Main.DateConverter.class,
            description = "Verify the rules in force on this date (default: today).")
    @Nullable LocalDate asOf;

    @Option(names = "--sample", paramLabel = "N",
            description = "Check N assessments drawn from the input space with --seed, instead of the whole space.")
    @Nullable Integer sample;

    @Option(names = "--seed", paramLabel = "SEED", description = "With --sample: the seed of the draw (default 1).")
    long seed = 1;

    private final PrintWriter out;
    private final PrintWriter err;

    VerifyCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (sample != null && sample < 1) {
            throw new Main.Failure("--sample must be 1 or more, was " + sample);
        }
        if (noBundled && ruleDirectories.isEmpty()) {
            throw new Main.Failure("--no-bundled leaves the bundled rules out: give at least one --rules DIR");
        }
        SciaticaAdvisor.Builder builder = SciaticaAdvisor.builder().asOf(asOf != null ? asOf : LocalDate.now());
        if (noBundled) {
            builder.withoutBundledRules();
        }
        if (replaceProtected) {
            builder.allowReplacingProtectedRules();
        }
        if (withDrafts) {
            builder.withDrafts();
        }
        ruleDirectories.forEach(builder::addRuleDirectory);
        SciaticaAdvisor advisor;
        try {
            advisor = builder.build();
        } catch (RuleLoadException e) {
            throw Main.loadFailure("the rules", e);
        }
        long size = SafetyVerification.spaceSize(advisor);
        err.println("sciatica-advisor verify: checking " + (sample == null || sample >= size ? size + " assessments (the whole input space)"
                : sample + " of " + size + " assessments (seed " + seed + ")"));
        err.flush();
        SafetyVerification.Report report = sample == null ? SafetyVerification.wholeSpace(advisor)
                : SafetyVerification.sample(advisor, sample, seed);
        out.print(report.text());
        return report.passed() ? Main.OK : Main.LESS_CAUTIOUS;
    }
}
