package org.sciatica.advisor.cli;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code advise}: one assessment in, one answer out. */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Answer one assessment (JSON): text for people, json for programs, cds-hooks for a CDS Hooks 2.0 response.")
final class AdviseCommand extends Subcommand {
    @Option(names = "--format", paramLabel = "text|json|cds-hooks", converter = Main.FormatConverter.class,
            description = "text (default), json or cds-hooks.")
    Main.@Nullable Format format;

    @Mixin
    RuleOptions.Directories directories = new RuleOptions.Directories();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Parameters(arity = "0..1", paramLabel = "FILE | -", description = "The assessment (JSON); - or nothing reads standard input.")
    @Nullable String input;

    @Override
    String name() {
        return "advise";
    }

    @Override
    void configure(Main main) {
        directories.applyTo(main);
        rules.applyTo(main);
        main.format = format;
        main.input = input == null ? "-" : input;
    }
}
