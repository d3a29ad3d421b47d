package org.footprintledger.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application over HTTP on a real (embedded) PostgreSQL, started once for every test class that extends
 * this one. Tests use their own subscriber ids, so they do not see each other's data. The SQL statements run for HTTP
 * requests are counted ({@link StatementCounter}).
 */
@SpringBootTest(classes = FootprintLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.Registration.class)
public abstract class PortalIntegrationTest {

    private static final Path DATABASE_DIRECTORY = temporaryDirectory();
    /** The import spool of the application under test: its own, so no other application's start empties it. */
    protected static final Path SPOOL_DIRECTORY = DATABASE_DIRECTORY.resolveSibling(DATABASE_DIRECTORY.getFileName()
            + "-spool");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        registry.add("footprint.embedded-db.directory", DATABASE_DIRECTORY::toString);
        registry.add("footprint.import.spool-directory", SPOOL_DIRECTORY::toString);
        registry.add("footprint.demo-data.enabled", () -> "false");
        // a throw-away database: no need to wait for the disk on each commit
        registry.add("footprint.embedded-db.durable", () -> "false");
        // months are closed by the tests themselves, never by the clock while they run
        registry.add("footprint.month-close.scheduled", () -> "false");
        // the auditors' job runner polls often, so a job left half-done by a "crash" is resumed within the test
        registry.add("footprint.audit-jobs.poll-interval", () -> "PT1S");
        // retention runs only when a test calls it, and keeps every month from 2023 on (the tests' months);
        // 2022 is RetentionTest's own
        registry.add("footprint.retention.cron", () -> "-");
        registry.add("footprint.retention.usage-records", () -> "P" + ChronoUnit.MONTHS.between(
                YearMonth.of(2023, 1), YearMonth.now(ZoneId.of("Europe/Paris"))) + "M");
    }

    protected ApiClient as(String user, String password) {
        return new ApiClient(port, user, password);
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null, null);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("footprint-test-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
