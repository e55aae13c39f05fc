package org.sciatica.advisor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code impact}: what a rule change does to a set of assessments. */
@Command(name = "impact", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"JSON lines in, one report out: answer each line with the baseline rules (bundled plus each --baseline DIR)",
                "and the candidate rules (bundled plus each --candidate DIR) and count what changed, by kind, with the rules",
                "behind each change. Exit 3 when an answer became less cautious or unsafe: a gate for a rule change in CI."})
final class ImpactCommand extends Subcommand {
    @Option(names = "--baseline", paramLabel = "DIR", description = "Add every .drl file in DIR to the baseline rules. Repeatable.")
    List<Path> baseline = new ArrayList<>();

    @Option(names = "--baseline-release", paramLabel = "DIR",
            description = "The baseline is a previous release's rules, a copy of its rules/ folder (with its sources.csv) in DIR, "
                    + "instead of the bundled rules; each --baseline DIR is added to it. The candidate keeps the bundled rules.")
    @Nullable Path baselineRelease;

    @Option(names = "--candidate", paramLabel = "DIR",
            description = "Add every .drl file in DIR to the candidate rules (a rule may @replaces a baseline one). Repeatable.")
    List<Path> candidate = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json|markdown", converter = Main.FormatConverter.class,
            description = "text (default), json, or markdown (for a pull-request comment).")
    Main.@Nullable Format format;

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Option(names = "--quiet", description = "No progress line on standard error (it is shown only when standard error is a terminal).")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", hidden = true, description = "Worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "0..1", paramLabel = "FILE | -", description = "The JSON lines; - or nothing reads standard input.")
    @Nullable String input;

    @Override
    String name() {
        return "impact";
    }

    @Override
    void configure(Main main) {
        rules.applyTo(main);
        main.impact = true;
        main.baselineDirectories = new ArrayList<>(baseline);
        main.candidateDirectories = new ArrayList<>(candidate);
        main.baselineRelease = baselineRelease;
        main.format = format;
        main.quiet = quiet;
        main.threads = threads;
        main.input = input;
    }
}
