package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The subcommands: each with its own help, each answering as its 0.1 form did, and {@code test}. */
class SubcommandTest {
    private static final List<String> SUBCOMMANDS = List.of("advise", "batch", "impact", "rules", "matrix", "basis",
            "mutation-report", "test");

    @Test
    void helpListsEverySubcommandAndEachHasItsOwnHelp() {
        Cli help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        for (String name : SUBCOMMANDS) {
            assertThat(help.out()).as("--help").containsPattern("(?m)^\\s+" + name + "\\s");
            Cli own = Cli.run(name, "--help");
            assertThat(own.exitCode()).as(name + " --help").isZero();
            assertThat(own.out()).as(name + " --help").startsWith("Usage: sciatica-advisor " + name);
            assertThat(own.err()).isEmpty();
            assertThat(own.deprecation()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} is ''{1}'' now, with the same output and exit code")
    @CsvSource(delimiter = '|', value = {
            "examples/chronic-piriformis.json                          | advise examples/chronic-piriformis.json",
            "--format json examples/red-flag-cauda-equina.json         | advise --format json examples/red-flag-cauda-equina.json",
            "--batch examples/batch.jsonl                              | batch examples/batch.jsonl",
            "--list-rules --format markdown                            | rules --format markdown",
            "--impact --candidate src/test/resources/rules/replace-varicose-rule examples/batch.jsonl | impact --candidate src/test/resources/rules/replace-varicose-rule examples/batch.jsonl",
            "--decision-matrix                                         | matrix",
            "--clinical-basis                                          | basis",
            "--mutation-report src/test/resources/scenarios/article-cases.csv --mutate CI-08 | mutation-report src/test/resources/scenarios/article-cases.csv --mutate CI-08"})
    void aZeroOneFormAnswersAsItsSubcommandWithOneDeprecationLine(String old, String now) {
        Cli before = Cli.run(old.split(" +"));
        Cli after = Cli.run(now.split(" +"));
        String subcommand = now.split(" ")[0];
        assertThat(before.deprecation()).as("standard error of " + old)
                .endsWith("is deprecated; use 'sciatica-advisor " + subcommand + "' (the 0.1 form goes in a later minor version)\n")
                .containsOnlyOnce("\n");
        assertThat(before.err()).doesNotContain("deprecated");
        assertThat(after.deprecation()).isEmpty();
        assertThat(after.exitCode()).isEqualTo(before.exitCode());
        assertThat(after.out()).isEqualTo(before.out());
        assertThat(after.err()).isEqualTo(before.err());
    }

    @Test
    void withoutArgumentsItReadsAPipeAsInZeroOneAndShowsTheUsageAtATerminal() throws IOException {
        String assessment = Files.readString(Path.of("examples/chronic-piriformis.json"));
        Cli piped = Cli.withInput(assessment);
        assertThat(piped.exitCode()).as(piped.err()).isZero();
        assertThat(piped.out()).isEqualTo(Cli.run("advise", "examples/chronic-piriformis.json").out());
        assertThat(piped.deprecation()).contains("use 'sciatica-advisor advise'");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[0], new ByteArrayInputStream(new byte[0]), out, err, UnaryOperator.identity(), true);
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: sciatica-advisor").contains("advise", "batch", "test");
        assertThat(out.size()).isZero();
    }

    @Test
    void aSubcommandRejectsAZeroOneModeBeforeIt() {
        Cli mixed = Cli.run("--batch", "advise", "examples/chronic-piriformis.json");
        assertThat(mixed.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(mixed.err()).startsWith("sciatica-advisor: 'advise' is a subcommand: give its options after it");
    }

    @Test
    void aSubcommandsBadOptionPointsToItsOwnHelp() {
        Cli bad = Cli.run("batch", "--colour");
        assertThat(bad.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.err()).startsWith("sciatica-advisor: Unknown option: '--colour'")
                .contains("Try 'java -jar sciatica-advisor-cli.jar batch --help' for usage.");
    }

    @Test
    void testRunsScenarioTablesAndWritesAJUnitReport(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("clinic.csv");
        Files.writeString(table, """
                name,cause,sensitivity,inflammation,painLevel,conditions,clinicFindings,disposition,excludes,warns
                lymphedema gets no hot stones,MUSCLE_TENSION,LOW,NONE,3,,LYMPHEDEMA,PROCEED_WITH_CAUTION,HOT_STONE,LYMPHEDEMA_CARE
                a wrong expectation: DVT proceeds,MUSCLE_TENSION,LOW,NONE,3,DEEP_VEIN_THROMBOSIS,,PROCEED,,
                """);
        Path report = dir.resolve("reports/TEST-clinic.xml");
        Cli cli = Cli.run("test", "--rules", "src/test/resources/rules/clinic-lymphedema", table.toString(), "--junit", report.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.SOME_LINES_BAD);
        assertThat(cli.out()).contains("FAILED a wrong expectation: DVT proceeds", "row 3", "REFER")
                .contains("2 rows in 1 table: 1 passed, 1 failed, 0 broken");
        assertThat(cli.out()).doesNotContain("FAILED lymphedema");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suites = xml.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("tests")).isEqualTo("2");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo(table.toString());
        Element failing = (Element) suite.getElementsByTagName("testcase").item(1);
        assertThat(failing.getAttribute("classname")).isEqualTo("clinic");
        assertThat(failing.getAttribute("name")).isEqualTo("a wrong expectation: DVT proceeds");
        assertThat(failing.getElementsByTagName("failure").item(0).getTextContent()).contains("row 3");
        assertThat(((Element) suite.getElementsByTagName("testcase").item(0)).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void testPassesOnTheProjectsOwnTablesWithExitZero() {
        Cli cli = Cli.run("test", "src/test/resources/scenarios/article-cases.csv", "src/test/resources/scenarios/safety-table.csv");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).containsPattern("\\d+ rows in 2 tables: \\d+ passed, 0 failed, 0 broken");
    }

    @Test
    void testExitsTwoOnATableOrRowThatCannotBeReadAndOnBadUsage(@TempDir Path dir) throws IOException {
        Path noColumn = dir.resolve("no-column.csv");
        Files.writeString(noColumn, "name,cause,sensitivity,inflammation\nx,MUSCLE_TENSION,LOW,NONE\n");
        Cli badTable = Cli.run("test", noColumn.toString());
        assertThat(badTable.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(badTable.out()).contains("the header has no \"painLevel\" column");

        Path badRow = dir.resolve("bad-row.csv");
        Files.writeString(badRow, "name,cause,sensitivity,inflammation,painLevel\nx,DISC,LOW,NONE,3\n");
        Cli broken = Cli.run("test", badRow.toString());
        assertThat(broken.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(broken.out()).contains("BROKEN x", "\"DISC\"").contains("0 passed, 0 failed, 1 broken");

        assertThat(Cli.run("test").exitCode()).isEqualTo(Main.BAD_INPUT);
        Cli missing = Cli.run("test", dir.resolve("missing.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.err()).contains("missing.csv: no such file");
    }
}
