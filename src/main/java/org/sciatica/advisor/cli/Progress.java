package org.sciatica.advisor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.io.Writer;

/**
 * A progress line on standard error for long batches: lines answered and the rate, rewritten in
 * place at most once a second, from the second second on. Quiet when standard error is not a
 * terminal, and with {@code --quiet}.
 */
class Progress {
    private static final long START_AFTER_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    Progress(PrintWriter err) {
        this.err = err;
    }

    /** Progress that never prints. */
    static Progress quiet() {
        return new Progress(new PrintWriter(Writer.nullWriter())) {
            @Override
            void update(long lines) {
            }

            @Override
            void done(long lines) {
            }
        };
    }

    /** True when standard error is a terminal (Linux and macOS; false where it cannot be told). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    void update(long lines) {
        long now = System.nanoTime();
        if (now - start < START_AFTER_NANOS || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        err.print("\r" + line(lines, now));
        err.flush();
    }

    void done(long lines) {
        if (shown) {
            err.println("\r" + line(lines, System.nanoTime()) + " - done");
            err.flush();
        }
    }

    private String line(long lines, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        return String.format(Locale.ROOT, "%,d lines answered, %,.0f lines/s", lines, lines / seconds);
    }
}
