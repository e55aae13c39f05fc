package org.sciatica.advisor.cli;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code basis}: docs/CLINICAL-BASIS.md. */
@Command(name = "basis", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Write the clinical basis (markdown, docs/CLINICAL-BASIS.md): every rule with its source, link and claim, then the policy decisions.")
final class BasisCommand extends Subcommand {
    @Option(names = "--review-age", paramLabel = "DAYS",
            description = "Flag rules whose last review is more than DAYS days old (default 365).")
    @Nullable Integer reviewAge;

    @Mixin
    RuleOptions.Directories directories = new RuleOptions.Directories();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Override
    String name() {
        return "basis";
    }

    @Override
    void configure(Main main) {
        directories.applyTo(main);
        rules.applyTo(main);
        main.clinicalBasis = true;
        main.reviewAge = reviewAge;
    }
}
