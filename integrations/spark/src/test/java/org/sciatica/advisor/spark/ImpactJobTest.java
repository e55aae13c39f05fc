package org.sciatica.advisor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.ImpactReport.Verdict;

/**
 * {@code impact}: partitions tally on the executors, the driver merges the tallies, and the report
 * is the command line's {@code impact} report, byte for byte, with its exit code.
 */
class ImpactJobTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;
    /** A copy of rules/, and a copy without CI-09 (acute inflammation rules out deep tissue and hot stones). */
    private static String rules;
    private static String withoutCi09;
    /** examples/batch.jsonl several times over, in several partitions; and the same with a bad line. */
    private static String input;
    private static String inputWithBadLine;

    @BeforeAll
    static void start() throws IOException {
        spark = Fixtures.session("ImpactJobTest");
        spark.sparkContext().hadoopConfiguration().set("mapreduce.input.fileinputformat.split.maxsize", "2048");
        rules = Fixtures.rulesCopy(dir.resolve("rules")).toString();
        withoutCi09 = Fixtures.rulesWithout("CI-09", dir.resolve("without-ci-09")).toString();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.addAll(Fixtures.examples());
        }
        input = Files.writeString(dir.resolve("cases.jsonl"), String.join("\n", lines) + "\n").toString();
        lines.add(7, "{\"cause\":\"SCIATICA\"}");
        inputWithBadLine = Files.writeString(dir.resolve("cases-with-a-bad-line.jsonl"), String.join("\n", lines) + "\n").toString();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private record Run(int exitCode, String out) {
    }

    private static Run job(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AdviseJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoIdenticalRuleSetsAreUnchanged() {
        JavaRDD<AdviseJob.Line> lines = AdviseJob.jsonLines(spark, input);
        assertTrue(lines.getNumPartitions() > 1, "several partitions to merge");
        ImpactReport report = AdviseJob.impact(lines, RuleSet.only(rules), RuleSet.only(rules));
        assertEquals(Verdict.UNCHANGED, report.verdict());
        assertEquals(30, report.assessments());

        Run run = job("impact", "--input", input, "--no-bundled", "--baseline", rules, "--candidate", rules);
        Fixtures.Cli cli = Fixtures.cli("impact", "--quiet", "--no-bundled", "--baseline", rules, "--candidate", rules, input);
        assertEquals(0, run.exitCode());
        assertEquals(cli.exitCode(), run.exitCode());
        assertEquals(cli.text(), run.out());
    }

    @Test
    void aCandidateWithoutCi09IsLessCautiousOrUnsafeNamesCi09AndExitsThreeWithTheCommandLinesReport() throws IOException {
        ImpactReport report = AdviseJob.impact(AdviseJob.jsonLines(spark, inputWithBadLine), RuleSet.only(rules), RuleSet.only(withoutCi09));
        assertTrue(report.verdict() == Verdict.LESS_CAUTIOUS || report.verdict() == Verdict.UNSAFE, report.toString());
        List<String> named = new ArrayList<>(report.unsafeRuleIds());
        report.changes().forEach(c -> named.addAll(c.ruleIds()));
        assertTrue(named.contains("CI-09"), named.toString());
        assertEquals(1, report.errors());

        for (String format : List.of("text", "json", "markdown")) {
            Path file = dir.resolve("report." + format);
            Run run = job("impact", "--input", inputWithBadLine, "--no-bundled", "--baseline", rules, "--candidate", withoutCi09,
                    "--format", format, "--report", file.toString());
            Fixtures.Cli cli = Fixtures.cli("impact", "--quiet", "--no-bundled", "--baseline", rules, "--candidate", withoutCi09,
                    "--format", format, inputWithBadLine);
            assertEquals(AdviseJob.LESS_CAUTIOUS, run.exitCode(), format);
            assertEquals(cli.exitCode(), run.exitCode(), format);
            assertEquals(cli.text(), Files.readString(file), format);
        }
        assertTrue(Files.readString(dir.resolve("report.text")).contains("CI-09"));
    }
}
