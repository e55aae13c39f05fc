package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sciatica.advisor.Impact;
import org.sciatica.advisor.ImpactFixtures;
import org.sciatica.advisor.ImpactReport;
import org.sciatica.advisor.SciaticaAdvisor;
import org.sciatica.advisor.json.AssessmentJson;
import org.sciatica.advisor.testing.Cases;

/**
 * {@link BatchLines}: a runner that splits and numbers the lines itself (the Spark job) gets what
 * {@code --batch} and {@code --impact} print, byte for byte, bad lines included; and tallies made
 * in other processes merge through their serialized reports into the report of one run.
 */
class BatchLinesTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    static Path dir;
    private static String withoutCi09;
    /** examples/batch.jsonl with every kind of bad line: BOM, CRLF, blank, malformed, invalid value, not UTF-8, too long. */
    private static byte[] input;

    @BeforeAll
    static void input() throws IOException {
        withoutCi09 = ImpactFixtures.bundledRulesWithout("CI-09", Files.createDirectory(dir.resolve("without-ci-09"))).toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        List<String> examples = Files.readAllLines(Path.of("examples/batch.jsonl"));
        bytes.writeBytes((examples.get(0) + "\r\n\n   \n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"cause\":\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"cause\":\"DISC\",\"sensitivity\":\"LOW\",\"inflammation\":\"NONE\",\"painLevel\":5}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', (byte) 0xC3, '}', '\n'});
        bytes.writeBytes(("{\"id\":\"" + "x".repeat(AssessmentJson.MAX_LENGTH) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        for (String line : examples.subList(1, examples.size())) {
            bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(examples.get(1).getBytes(StandardCharsets.UTF_8)); // a last line without \n
        input = bytes.toByteArray();
    }

    /** The input split at \n as a runner would split it: without the \n, a \r before it kept. */
    private static List<byte[]> lines() {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n') {
                lines.add(Arrays.copyOfRange(input, start, i));
                start = i + 1;
            }
        }
        if (start < input.length) {
            lines.add(Arrays.copyOfRange(input, start, input.length));
        }
        return lines;
    }

    private static byte[] commandLine(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(args, new ByteArrayInputStream(input), out, new ByteArrayOutputStream());
        return out.toByteArray();
    }

    @Test
    void linesAnsweredOneByOneAreTheBatchOutputByteForByte() {
        BatchLines batch = new BatchLines(Cases.bundledAdvisor()::advise);
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        List<byte[]> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            byte[] answer = batch.answer(i + 1, lines.get(i));
            if (answer != null) {
                answers.writeBytes(answer);
                answers.write('\n');
            }
        }
        byte[] expected = commandLine("--batch", "--quiet");
        assertThat(new String(expected, StandardCharsets.UTF_8)).contains("{\"line\":4,", "{\"line\":5,", "{\"line\":6,", "{\"line\":7,");
        assertThat(answers.toByteArray()).isEqualTo(expected);
    }

    @Test
    void chunksTalliedElsewhereMergeThroughTheirReportsIntoTheCommandLinesReport() throws Exception {
        SciaticaAdvisor baseline = SciaticaAdvisor.builder().withoutBundledRules().addRuleDirectory(Path.of("rules")).build();
        SciaticaAdvisor candidate = SciaticaAdvisor.builder().withoutBundledRules().addRuleDirectory(Path.of(withoutCi09)).build();
        Impact impact = Impact.of(baseline, candidate);
        List<byte[]> lines = lines();
        Impact.Tally total = impact.tally();
        for (int from = 0; from < lines.size(); from += 3) {
            Impact.Tally chunk = impact.tally();
            for (int i = from; i < Math.min(from + 3, lines.size()); i++) {
                BatchLines.compare(chunk, i + 1, lines.get(i));
            }
            total.addAll(impact.tally(serializedAndBack(chunk.report())));
        }
        ImpactReport report = total.report();
        for (String format : List.of("text", "json", "markdown")) {
            byte[] expected = commandLine("--impact", "--quiet", "--no-bundled", "--baseline", "rules", "--candidate", withoutCi09,
                    "--format", format);
            assertThat(BatchLines.impactReport(report, format)).as(format).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
        assertThat(report.verdict()).isIn(ImpactReport.Verdict.LESS_CAUTIOUS, ImpactReport.Verdict.UNSAFE);
        assertThat(BatchLines.impactExitCode(report)).isEqualTo(Main.LESS_CAUTIOUS);
        assertThat(report.errors()).isEqualTo(4);

        assertThatThrownBy(() -> Impact.of(baseline, baseline).tally(report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the report compares rules");
        assertThatThrownBy(() -> BatchLines.impactReport(report, "cds-hooks")).isInstanceOf(IllegalArgumentException.class);
    }

    private static ImpactReport serializedAndBack(ImpactReport report) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ImpactReport) in.readObject();
        }
    }
}
