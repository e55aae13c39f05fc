package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code verify} on the command line: a clinic's CI step that fails before a client sees a refused answer. */
class VerifyCommandLineTest {
    private static String fixture(String name) {
        try {
            return Path.of(VerifyCommandLineTest.class.getResource("/rules/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnsafeReplacementFailsWithExit3AndNamesTheLineTheRulesAndAnExample() {
        Cli run = Cli.run("verify", "--rules", fixture("unsafe-varicose-rule"), "--sample", "3000", "--seed", "11");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("checking 3000 of ").contains("(seed 11)");
        assertThat(run.out()).startsWith("Checked 3000 assessments: a sample of the input space of ")
                .contains("- safety line 18, rules involved: ").contains("CL-18").contains("for example: ");
    }

    @Test
    void theBundledRulesPass() {
        Cli run = Cli.run("verify", "--sample", "500");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("No safety line broken.\n");
    }

    @Test
    void rulesThatDoNotLoadAreBadInput() {
        Cli run = Cli.run("verify", "--rules", "no-such-directory");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-such-directory: no such directory");
    }

    @Test
    void theHelpListsVerify() {
        assertThat(Cli.run("--help").out()).contains("verify");
        assertThat(Cli.run("verify", "--help").out()).contains("--sample").contains("--seed");
    }
}
