package org.sciatica.advisor.cli;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rules}: the rule catalog. */
@Command(name = "rules", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "List every loaded rule: id, name, file, what it does, its source and lifecycle (text, json, or markdown: docs/RULES.md).")
final class RulesCommand extends Subcommand {
    @Option(names = "--format", paramLabel = "text|json|markdown", converter = Main.FormatConverter.class,
            description = "text (default), json or markdown.")
    Main.@Nullable Format format;

    @Option(names = "--review-age", paramLabel = "DAYS",
            description = "Flag rules whose last review is more than DAYS days old (default 365).")
    @Nullable Integer reviewAge;

    @Mixin
    RuleOptions.Directories directories = new RuleOptions.Directories();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Override
    String name() {
        return "rules";
    }

    @Override
    void configure(Main main) {
        directories.applyTo(main);
        rules.applyTo(main);
        main.listRules = true;
        main.format = format;
        main.reviewAge = reviewAge;
    }
}
