package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The demo, started as the README says (embedded database, demo mode), on a small feed: the editors' improvement
 * page has something to show (survey answers this quarter, ratings and comments), and the second editor exists.
 */
class DemoDataTest {

    @Test
    void a_fresh_demo_has_survey_answers_and_feedback_for_the_editors_pages() throws Exception {
        Path directory = Files.createTempDirectory("footprint-demo-db");
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0", "--footprint.embedded-db.directory=" + directory,
                "--footprint.embedded-db.durable=false", "--footprint.demo-data.enabled=true",
                "--footprint.demo-data.subscribers=10", "--footprint.demo-data.days=40",
                "--footprint.import.spool-directory=" + directory + "-spool",
                "--footprint.month-close.scheduled=false", "--footprint.retention.cron=-")) {
            int port = Integer.parseInt(demo.getEnvironment().getProperty("local.server.port"));
            ApiClient editor = new ApiClient(port, "editor2", "editor2");

            await().atMost(Duration.ofSeconds(120)).until(() -> {
                ApiClient.Response results = editor.get("/api/v1/content/surveys/results");
                return results.status() == 200 && results.json().get("answers").asLong() > 0;
            });
            JsonNode results = editor.get("/api/v1/content/surveys/results").json();
            assertThat(results.get("answers").asLong()).isEqualTo(8);
            JsonNode review = editor.get("/api/v1/content/review").json();
            assertThat(review.size()).as("the page and two tips rated").isGreaterThanOrEqualTo(3);
            assertThat(editor.get("/api/v1/content/comments").json().size()).isPositive();

            Browser browser = new Browser(port);
            browser.logIn("editor", "editor");
            assertThat(browser.open("/editeur/amelioration")).contains("8 réponse(s) ce trimestre.")
                    .doesNotContain("Personne n&#39;a répondu ce trimestre.");
        }
    }
}
