package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The customer page is served from its rendered copy while nothing it shows has changed, and never once something
 * has: a late record that corrects a closed month shows on the page already cached, with its correction; another
 * language or another subscriber is never served the cached page; each view carries its own session's CSRF token.
 * Real application, real PostgreSQL.
 */
class CustomerAreaPageCacheTest extends PortalIntegrationTest {

    /**
     * A month no other test closes: the close is for every subscriber, and a month another test closed first would
     * take this test's first record as late usage (a correction 0 → 600 g on the first view).
     */
    private static final YearMonth MONTH = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(7);

    @Test
    void a_correction_shows_on_a_page_already_cached() {
        String subscriber = "pc-" + UUID.randomUUID().toString().substring(0, 8);
        String line = subscriber + "-M1";
        // 12.145748988 Go x 49.4 = 600.0000000072 g: shown 600 g
        feed(UsageFeed.batch().mobile(subscriber + "-r1", subscriber, line, MONTH.atDay(3).toString(),
                12_145_748_988L, 0, false));
        ApiClient.Response closed = as("ops", "ops").postJson("/api/v1/ops/months/" + MONTH + "/close", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        awaitStatement(subscriber, s -> s.get("status").asString().equals("CLOSED")
                && s.get("lines").get(0).get("co2eGrams").asLong() == 600);

        Browser browser = new Browser(port);
        browser.logIn(subscriber, "demo");
        double afterLogIn = pageCacheHits();
        browser.open("/espace-client");
        assertThat(pageCacheHits()).as("the page the login landed on (its first view, binding its equivalences) is "
                + "served again from the cache").isGreaterThan(afterLogIn);
        String path = "/espace-client?mois=" + MONTH;
        String first = browser.open(path);
        assertThat(first).contains("600 g éqCO2").doesNotContain("corrigé le");
        System.out.printf("customer page: %,d characters%n", first.length());
        double hitsBefore = pageCacheHits();
        String second = browser.open(path);
        assertThat(pageCacheHits()).as("the second view is served from the cache").isGreaterThan(hitsBefore);
        assertThat(withoutTokens(second)).isEqualTo(withoutTokens(first));
        assertThat(token(second)).as("each view has its own token").isNotEqualTo(token(first));

        // 854 251 011 octets more, received after the close: 642.1999999506 g, shown 642 g, a correction 600 -> 642
        feed(UsageFeed.batch().mobile(subscriber + "-r2", subscriber, line, MONTH.atDay(27).toString(),
                854_251_011L, 0, false));
        awaitStatement(subscriber, s -> s.get("lines").get(0).get("co2eGrams").asLong() == 642
                && s.get("lines").get(0).get("corrections").size() == 1);

        String corrected = browser.open(path);
        System.out.printf("customer page with a correction: %,d characters%n", corrected.length());
        assertThat(corrected).contains("642 g éqCO2").contains("600 → 642 g éqCO2")
                .contains("corrigé le");

        String english = browser.open(path + "&lang=en");
        assertThat(english).contains("642 g CO2e").doesNotContain("corrigé le");

        Browser other = new Browser(port);
        other.logIn(CustomerAreaData.customer(this), "demo");
        assertThat(other.open(path)).doesNotContain(subscriber);
    }

    /** Tokens differ per view: the page without them. */
    private static String withoutTokens(String html) {
        return html.replaceAll("(name=\"_csrf\"[^>]*value=\")[^\"]+\"", "$1\"");
    }

    private static String token(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the page has a form with a token").isTrue();
        return m.group(1);
    }

    private double pageCacheHits() {
        JsonNode metric = as("ops", "ops").get("/actuator/metrics/cache.gets?tag=cache:customer_area_pages"
                + "&tag=result:hit").json();
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    private void feed(UsageFeed batch) {
        ApiClient.Response sent = as("feed", "feed").postJson("/api/v1/usage/records", batch.body());
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    private void awaitStatement(String subscriber, java.util.function.Predicate<JsonNode> shown) {
        ApiClient auditor = as("auditor", "auditor");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ApiClient.Response response = auditor.get("/api/v1/subscribers/" + subscriber + "/statements/" + MONTH);
            return response.status() == 200 && shown.test(response.json());
        });
    }
}
