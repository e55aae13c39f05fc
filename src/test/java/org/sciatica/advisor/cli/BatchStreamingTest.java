package org.sciatica.advisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A batch far larger than the heap goes through: the command line never holds the input. */
class BatchStreamingTest {
    private static final int LINES = 3_000;
    private static final int ID_LENGTH = 60_000;

    @Test
    void aBatchOf180MegabytesRunsIn64MegabytesOfHeap() throws Exception {
        Process batch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "org.sciatica.advisor.cli.Main", "--batch", "--quiet")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread feeder = new Thread(() -> feed(batch.getOutputStream()));
        feeder.start();
        long[] counts = count(batch.getInputStream());
        assertThat(batch.waitFor(5, TimeUnit.MINUTES)).isTrue();
        feeder.join();
        assertThat(batch.exitValue()).as("exit code").isEqualTo(1);
        assertThat(counts[0]).as("output lines").isEqualTo(LINES);
        assertThat(counts[1]).as("error lines (every 100th line is bad)").isEqualTo(LINES / 100);
    }

    private static void feed(OutputStream stdin) {
        String padding = "x".repeat(ID_LENGTH);
        try (OutputStream out = stdin) {
            for (int i = 1; i <= LINES; i++) {
                String pain = i % 100 == 0 ? "11" : String.valueOf(i % 11);
                out.write(("{\"id\":\"" + i + padding + "\",\"cause\":\"HERNIATED_DISC\",\"sensitivity\":\"MODERATE\","
                        + "\"inflammation\":\"MILD\",\"painLevel\":" + pain + "}\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts output lines and error lines without keeping them. */
    private static long[] count(InputStream in) throws IOException {
        long lines = 0;
        long errors = 0;
        byte[] buffer = new byte[1 << 16];
        boolean lineStart = true;
        int matched = 0;
        byte[] errorStart = "{\"line\":".getBytes(StandardCharsets.UTF_8);
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (lineStart || matched > 0) {
                    if (matched < errorStart.length && b == errorStart[matched]) {
                        matched++;
                        if (matched == errorStart.length) {
                            errors++;
                            matched = 0;
                        }
                    } else {
                        matched = 0;
                    }
                    lineStart = false;
                }
                if (b == '\n') {
                    lines++;
                    lineStart = true;
                    matched = 0;
                }
            }
        }
        return new long[] {lines, errors};
    }
}
