package org.sciatica.advisor.service.store;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file (the default store). */
class EmbeddedStoreTest extends StoreContract {
    @TempDir
    static Path dir;
    static Store store;

    @BeforeAll
    static void open() {
        store = Store.open("jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    Store store() {
        return store;
    }
}
