package org.footprintledger.portal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh copy of the earlier release's database (the dump of {@link MigrationFromReleaseTest}, with the dead letter
 * its JPA queue would have parked), migrated by this build's application started on it.
 */
final class ReleaseDatabase {

    private ReleaseDatabase() {
    }

    /** The application on its own restored copy; {@code settings} are added to the test defaults. */
    static ConfigurableApplicationContext startedOnACopy(String directoryPrefix, String... settings) throws Exception {
        Path directory = Files.createTempDirectory(directoryPrefix);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory)
                .setCleanDataDirectory(false).start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(LegacySubscriberErasureTest.withoutClientCommands(
                    LegacySubscriberErasureTest.resource("database.sql.gz")));
            statement.execute(LegacySubscriberErasureTest.parkAnEventAsTheReleaseDid());
        }
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--footprint.embedded-db.directory=" + directory, "--footprint.embedded-db.durable=false",
                "--footprint.demo-data.enabled=false", "--footprint.month-close.scheduled=false"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(FootprintLedgerApplication.class).run(arguments.toArray(String[]::new));
    }
}
