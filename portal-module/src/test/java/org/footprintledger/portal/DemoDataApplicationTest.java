package org.footprintledger.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on its own embedded PostgreSQL with the generated demo data (20 subscribers over 120 days,
 * imported through the real file import, past months closed, one late record correcting S0000000's mobile line), as
 * a customer finds it. One context for the classes extending this one; statements run for HTTP requests are counted.
 */
@SpringBootTest(classes = FootprintLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StatementCounter.Registration.class)
abstract class DemoDataApplicationTest {

    static final String CUSTOMER = "S0000000";
    private static final Path DATABASE_DIRECTORY = temporaryDirectory();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void demoDatabase(DynamicPropertyRegistry registry) {
        registry.add("footprint.embedded-db.directory", DATABASE_DIRECTORY::toString);
        registry.add("footprint.embedded-db.durable", () -> "false");
        registry.add("footprint.demo-data.enabled", () -> "true");
        registry.add("footprint.month-close.scheduled", () -> "false");
        // the demo has 20 subscribers: compare with groups of at least 5 lines
        registry.add("footprint.customer-area.comparison-min-lines", () -> "5");
    }

    protected ApiClient as(String user, String password) {
        return new ApiClient(port, user, password);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("footprint-demo-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
