package org.sciatica.advisor.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.sciatica.advisor.Assessment;
import org.sciatica.advisor.Recommendation;

/**
 * Runs the command line in this JVM and keeps what it printed. A 0.1 form's deprecation line (the
 * first line of standard error, see {@link #DEPRECATION}) is not part of {@link #err()}, so the 0.1
 * forms' tests check exactly what 0.1 printed; {@link #deprecation()} keeps it. Public for the tests
 * of the manual's commands, in another package.
 */
public record Cli(int exitCode, String out, String err, String deprecation) {
    /** How a 0.1 form's deprecation line starts. */
    static final String DEPRECATION = "sciatica-advisor: warning: ";

    public static Cli withInput(String stdin, String... args) {
        return withAdvice(UnaryOperator.identity(), stdin, args);
    }

    public static Cli run(String... args) {
        return withInput("", args);
    }

    /** Runs with every advisor's {@code advise} wrapped by {@code advice}: a test double of the safety monitor. */
    static Cli withAdvice(UnaryOperator<Function<Assessment, Recommendation>> advice, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, advice);
        String stderr = err.toString(StandardCharsets.UTF_8);
        String deprecation = "";
        if (stderr.startsWith(DEPRECATION) && stderr.indexOf('\n') > 0 && stderr.substring(0, stderr.indexOf('\n')).contains(" is deprecated; use ")) {
            deprecation = stderr.substring(0, stderr.indexOf('\n') + 1);
            stderr = stderr.substring(deprecation.length());
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), stderr, deprecation);
    }
}
