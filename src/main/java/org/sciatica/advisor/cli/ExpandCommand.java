package org.sciatica.advisor.cli;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code expand}: compact answer lines ({@code batch --compact}) back to the full answers, byte for byte. */
@Command(name = "expand", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Compact answer lines in (batch --compact), the full answers out, as batch writes them. The texts",
                "come from the catalog of the same rules (rules --format json); no rules are loaded."})
final class ExpandCommand extends Subcommand {
    @Option(names = "--catalog", paramLabel = "FILE", required = true,
            description = "The rule catalog of the rules that wrote the compact lines (rules --format json).")
    @Nullable Path catalog;

    @Parameters(arity = "0..1", paramLabel = "FILE | -", description = "The compact lines; - or nothing reads standard input.")
    @Nullable String input;

    @Override
    String name() {
        return "expand";
    }

    @Override
    void configure(Main main) {
        main.expand = true;
        main.catalog = catalog;
        main.input = input;
    }
}
