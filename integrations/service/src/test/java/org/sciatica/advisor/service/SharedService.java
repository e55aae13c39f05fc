package org.sciatica.advisor.service;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose tests share one service with the defaults ({@link Harness#start(Path)}), started before the
 * first test in a directory of its own and stopped after the last. Test classes run one after another, so the
 * fields are the running class's.
 */
abstract class SharedService {
    @TempDir
    static Path dir;
    static Harness h;

    @BeforeAll
    static void startService() throws IOException {
        h = Harness.start(dir);
    }

    @AfterAll
    static void stopService() {
        h.close();
    }
}
