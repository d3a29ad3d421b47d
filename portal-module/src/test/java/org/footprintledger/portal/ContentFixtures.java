package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subscribers with usage in the ledger, and content written by the editor, for the content tests. */
final class ContentFixtures {

    static final YearMonth LAST_MONTH = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);
    private final PortalIntegrationTest test;

    ContentFixtures(PortalIntegrationTest test) {
        this.test = test;
    }

    static String newSubscriber(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Last month: a mobile line on 4G with {@code mobileBytes}, and a fixed line on FTTH when fixedBytes > 0. */
    void usage(String subscriber, long mobileBytes, long fixedBytes) {
        String day = LAST_MONTH.atDay(10).toString();
        UsageFeed feed = UsageFeed.batch().mobile(subscriber + "-m", subscriber, subscriber + "-mob", day,
                mobileBytes, 0, false);
        if (fixedBytes > 0) {
            feed.fixed(subscriber + "-f", subscriber, subscriber + "-box", day, fixedBytes, 0);
        }
        assertThat(test.as("feed", "feed").postJson("/api/v1/usage/records", feed.body()).status()).isEqualTo(200);
        int lines = fixedBytes > 0 ? 2 : 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response statement = test.as("auditor", "auditor")
                    .get("/api/v1/subscribers/" + subscriber + "/statements/" + LAST_MONTH);
            return statement.status() == 200 && statement.json().get("lines").size() == lines;
        });
    }

    ApiClient editor() {
        return test.as("editor", "editor");
    }

    static Map<String, Object> equivalence(String key, String labelFr, String kgPerUnit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("labelFrSingular", labelFr);
        body.put("labelFrPlural", labelFr);
        body.put("labelEnSingular", labelFr + " (en)");
        body.put("labelEnPlural", labelFr + " (en)");
        body.put("kgCo2ePerUnit", kgPerUnit);
        body.put("unit", "item");
        body.put("source", "test");
        body.put("validFrom", "2026-07-01");
        return body;
    }

    static Map<String, Object> tip(String key, String textFr, String lineType, Integer minMonthlyGo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("textFr", textFr);
        body.put("textEn", "English " + key);
        body.put("lineType", lineType);
        body.put("technologies", List.of());
        body.put("minMonthlyGo", minMonthlyGo);
        body.put("savingBasis", "VOLUME_SHARE");
        body.put("volumeShare", "0.2");
        return body;
    }

    /** The second editor, who reviews what the first submitted (four eyes). */
    ApiClient reviewer() {
        return test.as("editor2", "editor2");
    }

    /** Walks a version through review (submitted by the editor) to publication by the reviewer; the final status. */
    String publish(long itemId, int version) {
        assertThat(editor().postJson(transition(itemId, version, "submit"), "").status()).isEqualTo(200);
        ApiClient.Response published = reviewer().postJson(transition(itemId, version, "publish"), "");
        assertThat(published.status()).isEqualTo(200);
        return published.json().get("status").asString();
    }

    static String transition(long itemId, int version, String action) {
        return "/api/v1/content/items/" + itemId + "/versions/" + version + "/" + action;
    }
}
