package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code ?asOf=}: what the subscriber was shown at an instant, before and after the close and a correction. */
class StatementsAsOfTest extends LedgerIntegrationTest {

    private static final String MONTH = "2023-10";

    private JsonNode asOf(Instant instant) {
        ApiClient.Response response = auditor.get(statementPath(MONTH) + "?asOf=" + instant);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void each_instant_shows_the_statement_as_it_stood_then() throws InterruptedException {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2023-10-01", 10_000_000_000L, 0, false));
        statementWithGrams(MONTH, id("mob"), 494);
        Thread.sleep(20);
        Instant whileOpen = Instant.now();
        Thread.sleep(20);
        close(MONTH);
        statementOnceItShows(MONTH, s -> s.get("status").asString().equals("CLOSED"));
        Thread.sleep(20);
        Instant afterClose = Instant.now();
        Thread.sleep(20);
        send(UsageFeed.batch().mobile(id("r2"), subscriber, id("mob"), "2023-10-31", 5_000_000_000L, 0, false));
        statementWithGrams(MONTH, id("mob"), 741);

        JsonNode open = asOf(whileOpen);
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(line(open, id("mob")).get("co2eGrams").asLong()).isEqualTo(494);

        JsonNode closed = asOf(afterClose);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(line(closed, id("mob")).get("co2eGrams").asLong()).isEqualTo(494);
        assertThat(line(closed, id("mob")).get("corrections")).isEmpty();

        JsonNode now = asOf(Instant.now());
        assertThat(line(now, id("mob")).get("co2eGrams").asLong()).isEqualTo(741);
        assertThat(line(now, id("mob")).get("corrections").get(0).get("fromGrams").asLong()).isEqualTo(494);
        // the read model and the ledger streams tell the same story
        assertThat(now).isEqualTo(auditor.get(statementPath(MONTH)).json());

        ApiClient.Response range = auditor.get("/api/v1/subscribers/" + subscriber
                + "/statements?from=2023-01&to=2023-12&asOf=" + whileOpen);
        assertThat(range.json()).hasSize(1);
        assertThat(range.json().get(0).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void before_any_usage_there_is_nothing_to_show_and_a_malformed_instant_is_refused() {
        Instant before = Instant.now();
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2023-10-02", 1_000_000_000L, 0, false));
        statementWithGrams(MONTH, id("mob"), 49);

        assertThat(auditor.get(statementPath(MONTH) + "?asOf=" + before).status()).isEqualTo(404);
        ApiClient.Response malformed = auditor.get(statementPath(MONTH) + "?asOf=yesterday");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("message").asString()).contains("asOf");
    }
}
