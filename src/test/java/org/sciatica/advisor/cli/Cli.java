package org.sciatica.advisor.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;

/** Runs the command line in this JVM and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    static Cli withInput(String stdin, String... args) {
        return withAdvice(UnaryOperator.identity(), stdin, args);
    }

    static Cli run(String... args) {
        return withInput("", args);
    }

    /** Runs with every advisor's {@code advise} wrapped by {@code advice}: a test double of the safety monitor. */
    static Cli withAdvice(UnaryOperator<Function<Assessment, Recommendation>> advice, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, advice);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
