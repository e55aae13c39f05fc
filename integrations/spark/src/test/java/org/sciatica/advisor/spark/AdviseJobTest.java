package org.sciatica.advisor.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.SciaticaAdvisor;

/** {@code advise}: the job's answers are the command line's {@code batch} answers, byte for byte. */
class AdviseJobTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = Fixtures.session("AdviseJobTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static String[] args(String... args) {
        return args;
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run job(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdviseJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The examples many times over, with every kind of bad line among them: a byte order mark, CRLF,
     * blank lines, malformed JSON, an invalid value, bytes that are not UTF-8, a line too long, and a
     * last line without its newline. The bad lines come twice: early (in the first split) and late (in
     * the last half, so in another split whatever the split size).
     */
    private static Path batchWithBadLines() throws IOException {
        List<String> examples = Fixtures.examples();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes((examples.get(0) + "\r\n\n   \n").getBytes(StandardCharsets.UTF_8));
        for (int round = 0; round < 40; round++) {
            for (String line : examples) {
                bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (round == 3 || round == 30) {
                bytes.writeBytes("{\"cause\":\n".getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes("{\"cause\":\"DISC\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":5}\r\n".getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(new byte[] {'{', (byte) 0xC3, '}', '\n'});
                bytes.writeBytes(("{\"id\":\"" + "x".repeat(70_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.writeBytes(examples.get(1).getBytes(StandardCharsets.UTF_8));
        return Files.write(dir.resolve("batch-with-bad-lines.jsonl"), bytes.toByteArray());
    }

    @Test
    void compactJsonLinesAreTheCompactBatchOutputByteForByte() throws IOException {
        Path input = batchWithBadLines();
        Path json = dir.resolve("answers-compact");
        Fixtures.Cli batch = Fixtures.cli("batch", "--compact", "--quiet", input.toString());
        Run run = job("advise", "--input", input.toString(), "--json-out", json.toString(), "--compact");
        assertEquals(batch.exitCode(), run.exitCode(), run.err());
        assertTrue(batch.text().contains("\"rulesVersion\"") && !batch.text().contains("\"sources\""), "compact lines");
        assertEquals(2, Fixtures.parts(json).size(), "one part per core: " + Fixtures.parts(json));
        assertTrue(new String(Files.readAllBytes(Fixtures.parts(json).get(1)), StandardCharsets.UTF_8).contains("{\"line\":"),
                "an error line in the second split, numbered there");
        assertArrayEquals(batch.out(), Fixtures.concatenatedParts(json));
    }

    @Test
    void theInputIsSplitInOnePartitionPerCoreOfTheSameSizeAndNumberedInInputOrder() throws IOException {
        Path input = batchWithBadLines();
        List<List<AdviseJob.Line>> partitions = AdviseJob.jsonLines(spark, input.toString()).glom().collect();
        assertEquals(spark.sparkContext().defaultParallelism(), partitions.size());
        long[] bytes = new long[partitions.size()];
        long number = 0;
        for (int i = 0; i < partitions.size(); i++) {
            for (AdviseJob.Line line : partitions.get(i)) {
                assertEquals(++number, line.number());
                bytes[i] += line.bytes().length + 1;
            }
        }
        // Every byte is in one line: less the byte order mark, which Hadoop's reader drops, plus the last
        // line's missing newline.
        assertEquals(Files.size(input) - BOM.length + 1, bytes[0] + bytes[1]);
        assertTrue(Math.abs(bytes[0] - bytes[1]) <= 70_002 * 2, "two halves, give or take a line: " + bytes[0] + " and " + bytes[1]);
    }

    @Test
    void jsonLinesAnswersAreTheBatchOutputByteForByteBadLinesIncludedInLineOrder() throws IOException {
        Path input = batchWithBadLines();
        Path json = dir.resolve("answers-json");
        Fixtures.Cli batch = Fixtures.cli("batch", "--quiet", input.toString());
        spark.sparkContext().hadoopConfiguration().set("mapreduce.input.fileinputformat.split.maxsize", String.valueOf(16 * 1024));
        try {
            Run run = job("advise", "--input", input.toString(), "--json-out", json.toString());
            assertEquals(batch.exitCode(), run.exitCode(), run.err());
        } finally {
            spark.sparkContext().hadoopConfiguration().unset("mapreduce.input.fileinputformat.split.maxsize");
        }
        assertEquals(1, batch.exitCode(), "some lines are bad");
        assertTrue(batch.text().contains("{\"line\":30,\"error\":{\"field\":null,\"message\":\"the line is not valid UTF-8 text\"}}"),
                batch.text().lines().filter(l -> l.startsWith("{\"line\"")).toList().toString());
        assertTrue(Fixtures.parts(json).size() > 3, "the input was read in several partitions: " + Fixtures.parts(json));
        assertArrayEquals(batch.out(), Fixtures.concatenatedParts(json));
    }

    @Test
    void parquetAssessmentsInParquetAnswersOutAndTheJsonIsTheBatchAnswer() throws IOException {
        List<String> examples = Fixtures.examples();
        Path jsonl = Files.writeString(dir.resolve("examples-and-a-bad-one.jsonl"), String.join("\n", examples)
                + "\n{\"id\":\"too-much-pain\",\"cause\":\"MUSCLE_TENSION\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":11}\n");
        Path assessments = dir.resolve("assessments.parquet");
        spark.read().schema("id STRING, cause STRING, sensitivity STRING, inflammation STRING, painLevel INT, age INT, course STRING, "
                        + "symptoms ARRAY<STRING>, tenseAreas ARRAY<STRING>, redFlags ARRAY<STRING>, conditions ARRAY<STRING>, "
                        + "clinicFindings ARRAY<STRING>")
                .json(jsonl.toString()).coalesce(1).write().parquet(assessments.toString());

        Path parquet = dir.resolve("answers.parquet");
        Path json = dir.resolve("answers-from-parquet");
        Run run = job("advise", "--input", assessments.toString(), "--input-format", "parquet",
                "--parquet-out", parquet.toString(), "--json-out", json.toString());
        Fixtures.Cli batch = Fixtures.cli("batch", "--quiet", jsonl.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(batch.exitCode(), run.exitCode());

        List<String> expected = batch.text().lines().toList();
        Dataset<Row> answers = spark.read().parquet(parquet.toString()).orderBy("line");
        assertEquals(List.of("line", "id", "disposition", "urgency", "firstTechnique", "error", "json"), List.of(answers.columns()));
        List<Row> rows = answers.collectAsList();
        assertEquals(examples.size() + 1, rows.size());
        List<String> jsonColumn = new ArrayList<>();
        for (Row row : rows) {
            jsonColumn.add(row.getAs("json"));
        }
        assertEquals(expected, jsonColumn, "each row's json is batch's line for the same assessment");
        assertArrayEquals(batch.out(), Fixtures.concatenatedParts(json));

        Row chronic = rows.get(0);
        assertEquals(1L, (long) chronic.getAs("line"));
        assertEquals("chronic-piriformis", chronic.getAs("id"));
        assertEquals("PROCEED", chronic.getAs("disposition"));
        assertNull(chronic.getAs("urgency"));
        assertEquals("TRIGGER_POINT", chronic.getAs("firstTechnique"));
        assertNull(chronic.getAs("error"));
        Row referred = rows.stream().filter(r -> "red-flag-cauda-equina".equals(r.getAs("id"))).findFirst().orElseThrow();
        assertEquals("REFER", referred.getAs("disposition"));
        assertEquals("EMERGENCY", referred.getAs("urgency"));
        assertNull(referred.getAs("firstTechnique"));
        Row bad = rows.get(rows.size() - 1);
        assertEquals((long) rows.size(), (long) bad.getAs("line"));
        assertNull(bad.getAs("id"));
        assertNull(bad.getAs("disposition"));
        assertTrue(((String) bad.getAs("error")).contains("painLevel"), (String) bad.getAs("error"));
    }

    @Test
    void badUsageAndRulesThatDoNotLoadExitTwoBeforeAnySparkWork() {
        Run usage = job("advise", "--input", "x.jsonl");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().contains("give --json-out DIR, --parquet-out DIR or both"), usage.err());
        assertEquals(2, job(args("impact", "--input", "x.jsonl", "--rules", "r")).exitCode());
        Run rules = job("advise", "--input", "x.jsonl", "--json-out", "out", "--rules", dir.resolve("no-such-rules").toString());
        assertEquals(2, rules.exitCode());
        assertTrue(rules.err().contains("the rules cannot be loaded (1 problem):"), rules.err());
        assertTrue(rules.err().contains("no such directory"), rules.err());
    }

    @Test
    void anOutputFolderThatExistsIsKeptUnlessOverwriteIsGiven() throws IOException {
        String input = Fixtures.ROOT.resolve("examples/batch.jsonl").toString();
        Path out = Files.createDirectories(dir.resolve("exists"));
        Files.writeString(out.resolve("keep.txt"), "kept");
        Run kept = job("advise", "--input", input, "--json-out", out.toString());
        assertEquals(2, kept.exitCode());
        assertTrue(kept.err().contains("already exists"), kept.err());
        assertEquals("kept", Files.readString(out.resolve("keep.txt")));
        assertEquals(0, job("advise", "--input", input, "--json-out", out.toString(), "--overwrite").exitCode());
        assertArrayEquals(Fixtures.cli("batch", input).out(), Fixtures.concatenatedParts(out));
    }

    @Test
    void theJobIsBuiltForTheLibraryItRunsWith() {
        assertEquals(System.getProperty("advisor.spark.version"), SciaticaAdvisor.version(),
                "integrations/spark/pom.xml's version must be the library's (root pom.xml)");
    }
}
