package org.sciatica.advisor.cli;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code batch}: JSON lines in, JSON lines out. */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"JSON lines in, JSON lines out: one assessment per line, one answer per line, same order.",
                "A bad line gives {\"line\": N, \"error\": {...}} and the rest go on (exit 1). Blank lines are skipped."})
final class BatchCommand extends Subcommand {
    @Mixin
    RuleOptions.Directories directories = new RuleOptions.Directories();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Option(names = "--compact",
            description = "Write each answer's decisions and ids only (rule ids and text references, no texts, no sources);"
                    + " 'expand' turns them back into full answers with the catalog of the same rules.")
    boolean compact;

    @Option(names = "--quiet", description = "No progress line on standard error (it is shown only when standard error is a terminal).")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", hidden = true, description = "Worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(arity = "0..1", paramLabel = "FILE | -", description = "The JSON lines; - or nothing reads standard input.")
    @Nullable String input;

    @Override
    String name() {
        return "batch";
    }

    @Override
    void configure(Main main) {
        directories.applyTo(main);
        rules.applyTo(main);
        main.batch = true;
        main.compact = compact;
        main.quiet = quiet;
        main.threads = threads;
        main.input = input;
    }
}
