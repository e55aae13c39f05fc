package org.sciatica.advisor.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The command line's choices for the /advice audit and the worker threads, and its messages for bad values. */
class ServiceMainTest {
    private static ServiceConfig parse(String... args) {
        ServiceMain main = new ServiceMain();
        new CommandLine(main).parseArgs(args);
        return main.config();
    }

    private static String refused(String... args) {
        StringWriter err = new StringWriter();
        assertThat(ServiceMain.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err, true))).isEqualTo(2);
        return err.toString();
    }

    @Test
    void theAdviceAuditIsTheJournalWithTheEmbeddedStoreAndACommitWithAnotherUnlessChosen() {
        assertThat(parse().adviceAudit()).isEqualTo(ServiceConfig.AdviceAudit.JOURNAL);
        assertThat(parse("--store", "jdbc:postgresql://db/sciatica").adviceAudit()).isEqualTo(ServiceConfig.AdviceAudit.COMMIT);
        assertThat(parse("--advice-audit", "commit").adviceAudit()).isEqualTo(ServiceConfig.AdviceAudit.COMMIT);
        assertThat(parse("--store", "jdbc:postgresql://db/sciatica", "--advice-audit", "Journal").adviceAudit())
                .isEqualTo(ServiceConfig.AdviceAudit.JOURNAL);
        assertThat(parse().threads()).isEqualTo(ServiceConfig.DEFAULT_THREADS);
        assertThat(parse("--threads", "64").threads()).isEqualTo(64);
    }

    @Test
    void anUnknownAuditModeOrTooFewThreadsIsRefusedWithAMessageNamingTheValue() {
        assertThat(refused("--advice-audit", "sometimes")).contains("--advice-audit must be journal or commit, was 'sometimes'");
        assertThat(refused("--threads", "4")).contains("threads must be from 8 to 1000, was 4");
    }
}
