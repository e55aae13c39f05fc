package org.sciatica.advisor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mutation-report}: how many rule mutants the scenario tables notice. */
@Command(name = "mutation-report", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Mutation score of scenario tables: remove each rule, and weaken each pressure limit, support weight and",
                "emergency referral, one mutant at a time, run every row against each and list the mutants no row noticed.",
                "Exit 3 when the score is below --min-score; 1 when rows fail on the unmutated rules."})
final class MutationReportCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "TABLE.csv", description = "Scenario tables (CSV).")
    List<Path> tables = new ArrayList<>();

    @Option(names = "--mutate", paramLabel = "ID", split = ",",
            description = "Mutate only these rules (ids; a trailing * matches a prefix, as in 'CL-*'). Repeatable. Default: every rule in force.")
    List<String> mutate = new ArrayList<>();

    @Option(names = "--min-score", paramLabel = "PERCENT",
            description = "The lowest acceptable score, 0 to 100 (default 100: every mutant noticed).")
    @Nullable Double minScore;

    @Option(names = "--format", paramLabel = "text|json", converter = Main.FormatConverter.class, description = "text (default) or json.")
    Main.@Nullable Format format;

    @Mixin
    RuleOptions.Directories directories = new RuleOptions.Directories();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Option(names = "--threads", paramLabel = "N", hidden = true, description = "Worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    String name() {
        return "mutation-report";
    }

    @Override
    void configure(Main main) {
        directories.applyTo(main);
        rules.applyTo(main);
        main.mutationTables = new ArrayList<>(tables);
        main.mutate = new ArrayList<>(mutate);
        main.minScore = minScore;
        main.format = format;
        main.threads = threads;
    }
}
