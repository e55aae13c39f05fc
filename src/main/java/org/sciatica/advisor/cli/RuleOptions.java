package org.sciatica.advisor.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

/** Options of every subcommand that loads rules: which rules, as of which date. A picocli mixin. */
final class RuleOptions {
    @Option(names = "--no-bundled",
            description = "Leave the bundled rules out: only the rule directories given count (at least one is needed).")
    boolean noBundled;

    @Option(names = "--allow-replacing-protected-rules",
            description = "Let a rule's @replaces replace a protected rule (red flags, deep vein thrombosis, the nerve warning). "
                    + "Every replacement is logged; the runtime safety monitor still checks every answer.")
    boolean replaceProtected;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Main.DateConverter.class,
            description = "Answer with the rules in force on this date (default: today); the answer names it (asOf). "
                    + "Retired rules, rules not yet effective or expired on that date do not apply.")
    @Nullable LocalDate asOf;

    @Option(names = "--with-drafts", description = "Run draft rules (@status(\"draft\")) too, to trial them.")
    boolean withDrafts;

    /** Sets these options on the command that runs them. */
    void applyTo(Main main) {
        main.noBundled = noBundled;
        main.replaceProtected = replaceProtected;
        main.asOf = asOf;
        main.withDrafts = withDrafts;
    }

    /** {@code --rules DIR}, for every subcommand but {@code impact} (which has a baseline and a candidate). */
    static final class Directories {
        @Option(names = "--rules", paramLabel = "DIR",
                description = "Add every .drl file in DIR (with its sources.csv, vocabulary.csv) to the bundled rules. "
                        + "Repeatable. Rule files are code: use only directories you trust.")
        List<Path> directories = new ArrayList<>();

        void applyTo(Main main) {
            main.ruleDirectories = new ArrayList<>(directories);
        }
    }
}
