package org.sciatica.advisor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code matrix}: the decision matrix as SVG. */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Draw the decision matrix (SVG, docs/decision-matrix.svg) by running the rules over a grid of assessments.")
final class MatrixCommand extends Subcommand {
    @Mixin
    RuleOptions.Directories directories = new RuleOptions.Directories();

    @Mixin
    RuleOptions rules = new RuleOptions();

    @Override
    String name() {
        return "matrix";
    }

    @Override
    void configure(Main main) {
        directories.applyTo(main);
        rules.applyTo(main);
        main.decisionMatrix = true;
    }
}
