package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A page kept by the revision of what it shows (ADR 0010) is served again only while nothing it shows has changed:
 * new usage in the open month, the subscriber's devices, the survey answered each show at the next view, whichever
 * path wrote them, and a view of an unchanged page is served from what was kept without reading its statements.
 */
class CustomerAreaKeptPageTest extends PortalIntegrationTest {

    private static final YearMonth CURRENT = YearMonth.now(ZoneId.of("Europe/Paris"));

    @Test
    void a_kept_page_shows_every_change_of_what_it_shows_at_the_next_view() {
        String subscriber = "kp-" + UUID.randomUUID().toString().substring(0, 8);
        String line = subscriber + "-M1";
        String month = "/espace-client?mois=" + CURRENT;
        feed(UsageFeed.batch().mobile(subscriber + "-r1", subscriber, line, CURRENT.atDay(1).toString(),
                3_000_000_000L, 0, false));
        Browser browser = new Browser(port);
        browser.logIn(subscriber, "demo");
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.open(month).contains("3 Go"));

        StatementCounter.reset();
        String kept = browser.open(month);
        long statementsServingAgain = StatementCounter.count();
        assertThat(statementsServingAgain).as("the ledger's, the usage totals' and the content's revisions only")
                .isLessThanOrEqualTo(3);
        assertThat(kept).contains("3 Go").contains("Petite enquête").doesNotContain("Box internet");

        feed(UsageFeed.batch().mobile(subscriber + "-r2", subscriber, line, CURRENT.atDay(2).toString(),
                4_000_000_000L, 0, false));
        assertThat(browser.open(month)).as("new usage in the open month").contains("7 Go");

        assertThat(as("feed", "feed").putJson("/api/v1/subscribers/" + subscriber + "/devices", Map.of("devices",
                List.of(Map.of("deviceId", "box-1", "modelId", "internet-box", "acquiredOn", "2024-03-15")))).status())
                .isEqualTo(200);
        assertThat(browser.open(month)).as("a device put by the feed").contains("Box internet");

        ApiClient customer = as(subscriber, "demo");
        var offer = customer.get("/api/v1/feedback/subscribers/" + subscriber + "/survey").json().get("survey");
        int questions = offer.get("questions").size();
        assertThat(customer.postJson("/api/v1/feedback/subscribers/" + subscriber + "/survey",
                Map.of("surveyVersion", offer.get("version").asInt(), "ratings", List.of(4, 4, 4).subList(0, questions)))
                .status()).isEqualTo(201);
        assertThat(browser.open(month)).as("the survey answered through the API").doesNotContain("Petite enquête")
                .contains("7 Go").contains("Box internet");
    }

    private void feed(UsageFeed batch) {
        ApiClient.Response sent = as("feed", "feed").postJson("/api/v1/usage/records", batch.body());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }
}
