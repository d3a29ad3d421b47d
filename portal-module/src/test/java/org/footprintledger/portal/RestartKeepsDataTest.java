package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** On the embedded default, the data directory survives a restart: what was fed before is still there after. */
class RestartKeepsDataTest {

    @Test
    void restarting_on_the_embedded_default_keeps_the_data() throws Exception {
        Path directory = Files.createTempDirectory("footprint-restart-db");
        String statement = "/api/v1/subscribers/restart-sub/statements/2025-03";

        try (ConfigurableApplicationContext first = start(directory)) {
            ApiClient feed = client(first, "feed", "feed");
            ApiClient.Response report = feed.postJson("/api/v1/usage/records", UsageFeed.batch()
                    .mobile("restart-r1", "restart-sub", "restart-mob", "2025-03-01", 2_000_000_000L, 0, false)
                    .body());
            assertThat(report.json().get("accepted").asInt()).isEqualTo(1);
            ApiClient auditor = client(first, "auditor", "auditor");
            await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get(statement).status() == 200);
        }

        try (ConfigurableApplicationContext second = start(directory)) {
            ApiClient.Response after = client(second, "restart-sub", "demo").get(statement);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.json().get("lines").get(0).get("exact").get("co2eGrams").asString()).isEqualTo("98.8");
            ApiClient.Response resent = client(second, "feed", "feed").postJson("/api/v1/usage/records",
                    UsageFeed.batch().mobile("restart-r1", "restart-sub", "restart-mob", "2025-03-01",
                            2_000_000_000L, 0, false).body());
            assertThat(resent.json().get("duplicates").asInt()).as("the record store survived too").isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path directory) {
        return new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0", "--footprint.embedded-db.directory=" + directory,
                "--footprint.demo-data.enabled=false");
    }

    private static ApiClient client(ConfigurableApplicationContext context, String user, String password) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new ApiClient(port, user, password);
    }
}
