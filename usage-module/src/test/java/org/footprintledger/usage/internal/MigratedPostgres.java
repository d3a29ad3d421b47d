package org.footprintledger.usage.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A fixture, not a test: a real PostgreSQL (embedded) with every migration of the product applied, for the plain-class
 * tests of the usage store. One per test class, closed after it.
 */
final class MigratedPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private MigratedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static MigratedPostgres start() throws IOException {
        MigratedPostgres started = new MigratedPostgres(EmbeddedPostgres.builder().start());
        Flyway.configure().dataSource(started.dataSource()).locations("classpath:db/migration").outOfOrder(true)
                .load().migrate();
        return started;
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
