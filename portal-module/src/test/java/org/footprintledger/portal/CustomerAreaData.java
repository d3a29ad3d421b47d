package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A customer as the feed makes it, for the customer area's tests: a mobile line (4G) and a fixed line (FTTH) with
 * usage in the four months before the current one, records every few days, one of them estimated; the three
 * oldest months closed by the ops API, then a late record correcting the last closed one. Generated once per test
 * run, through the product (intake, ledger, month close), in the shared test application.
 */
final class CustomerAreaData {

    static final YearMonth CURRENT = YearMonth.now(ZoneId.of("Europe/Paris"));
    /** The month the page shows by default: the newest closed one (the month after it stays open). */
    static final YearMonth LAST_CLOSED = CURRENT.minusMonths(2);
    private static String customer;

    private CustomerAreaData() {
    }

    /** The customer's id, its data generated on the first call. */
    static synchronized String customer(PortalIntegrationTest test) {
        if (customer == null) {
            customer = generate(test);
        }
        return customer;
    }

    private static String generate(PortalIntegrationTest test) {
        String subscriber = "ca-" + UUID.randomUUID().toString().substring(0, 8);
        UsageFeed feed = UsageFeed.batch();
        for (int m = 4; m >= 1; m--) {
            YearMonth month = CURRENT.minusMonths(m);
            for (int day = 1; day <= 25; day += 6) {
                String date = month.atDay(day).toString();
                feed.mobile(subscriber + "-m-" + month + "-" + day, subscriber, subscriber + "-M1", date,
                        3_100_000_000L + 170_000_000L * m + 9_137L * day, 250_000_000L, m == 3 && day == 7);
                feed.fixed(subscriber + "-f-" + month + "-" + day, subscriber, subscriber + "-F1", date,
                        40_000_000_000L + 1_000_000_000L * m + day, 2_000_000_000L);
            }
        }
        assertThat(test.as("feed", "feed").postJson("/api/v1/usage/records", feed.body()).status()).isEqualTo(200);
        ApiClient auditor = test.as("auditor", "auditor");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ApiClient.Response last = auditor.get("/api/v1/subscribers/" + subscriber + "/statements/"
                    + CURRENT.minusMonths(1));
            return last.status() == 200 && last.json().get("lines").size() == 2;
        });
        ApiClient ops = test.as("ops", "ops");
        for (int m = 4; m >= 2; m--) {
            ApiClient.Response closed = ops.postJson("/api/v1/ops/months/" + CURRENT.minusMonths(m) + "/close", "");
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        }
        String late = LAST_CLOSED.atEndOfMonth().toString();
        assertThat(test.as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(subscriber + "-late", subscriber, subscriber + "-M1", late, 1_500_000_000L, 500_000_000L,
                        false).body()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode statement = auditor.get("/api/v1/subscribers/" + subscriber + "/statements/" + LAST_CLOSED)
                    .json();
            for (JsonNode line : statement.get("lines")) {
                if (line.get("lineId").asString().endsWith("-M1") && !line.get("corrections").isEmpty()) {
                    return true;
                }
            }
            return false;
        });
        return subscriber;
    }
}
