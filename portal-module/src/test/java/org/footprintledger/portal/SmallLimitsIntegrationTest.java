package org.footprintledger.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A second application (its own database), shared by the tests that need small limits to reach them: file imports of
 * at most 2 000 rows and 1 MB expanded, 5 stored rejections, in batches of 100 rows on two writers; month closes in pages of 5 ledgers on one worker; the
 * scheduled rounds on, their clock never firing during the tests (a test runs a round itself); behind a proxy
 * ({@code server.forward-headers-strategy=native}: X-Forwarded-For and X-Forwarded-Proto from the loopback are
 * trusted), logins throttled after 3 failures per account and 6 per address.
 */
@SpringBootTest(classes = FootprintLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SmallLimitsIntegrationTest {

    private static final Path DIRECTORY = temporaryDirectory();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        registry.add("footprint.embedded-db.directory", DIRECTORY::toString);
        registry.add("footprint.import.spool-directory", () -> DIRECTORY + "-spool");
        registry.add("footprint.demo-data.enabled", () -> "false");
        registry.add("footprint.embedded-db.durable", () -> "false");
        registry.add("footprint.import.max-rows", () -> "2000");
        registry.add("footprint.import.max-expanded-size", () -> "1000000");
        registry.add("footprint.import.max-stored-rejections", () -> "5");
        registry.add("footprint.import.batch-size", () -> "100");
        registry.add("footprint.import.writers", () -> "2");
        registry.add("footprint.month-close.page-size", () -> "5");
        registry.add("footprint.month-close.workers", () -> "1");
        registry.add("footprint.month-close.scheduled", () -> "true");
        registry.add("footprint.month-close.cron", () -> "0 0 0 1 1 *");
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("footprint.security.login-throttle.account-failures", () -> "3");
        registry.add("footprint.security.login-throttle.address-failures", () -> "6");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("footprint-small-limits-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
