package org.sciatica.advisor.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import picocli.CommandLine.ParentCommand;

/**
 * A subcommand that runs one of {@link Main}'s modes: it sets the options it was given on {@link Main}
 * and lets {@link Main#dispatch()} run them, so a subcommand and its 0.1 form behave alike.
 */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    /** The subcommand's name, as typed. */
    abstract String name();

    /** Sets this subcommand's options on {@code main}. */
    abstract void configure(Main main);

    @Override
    public Integer call() throws IOException {
        main.enterSubcommand(name());
        configure(main);
        return main.dispatch();
    }
}
