package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Ledger scenarios over HTTP: a fresh subscriber per test, the feed, the ops and the auditor clients. Month closes act
 * on every subscriber of a month, so a test that closes works in months of its own (in 2023, which no other test
 * uses).
 */
abstract class LedgerIntegrationTest extends PortalIntegrationTest {

    protected String subscriber;
    protected ApiClient feed;
    protected ApiClient ops;
    protected ApiClient auditor;

    @BeforeEach
    void newSubscriber() {
        subscriber = "L" + UUID.randomUUID().toString().substring(0, 8);
        feed = as("feed", "feed");
        ops = as("ops", "ops");
        auditor = as("auditor", "auditor");
    }

    @Autowired
    protected SubscriberKeys subscriberKeys;

    /** The ledger stream id of this test's subscriber for a month: its key, never its id, names it. */
    protected String ledgerId(String month) {
        return subscriberKeys.keyOf(subscriber).orElseThrow() + "/" + month;
    }

    /** The ledger's key for one of this test's subscriber's lines (ADR 0013): auditors' reports name the key. */
    protected String lineKey(String lineId) {
        return subscriberKeys.lineIdsOf(subscriberKeys.keyOf(subscriber).orElseThrow()).entrySet().stream()
                .filter(line -> line.getValue().equals(lineId)).map(java.util.Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no ledger key for line " + lineId));
    }

    protected String id(String suffix) {
        return subscriber + "-" + suffix;
    }

    protected JsonNode send(UsageFeed batch) {
        ApiClient.Response response = feed.postJson("/api/v1/usage/records", batch.body());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rejected")).as(response.body()).isEmpty();
        return response.json();
    }

    protected String statementPath(String month) {
        return "/api/v1/subscribers/" + subscriber + "/statements/" + month;
    }

    protected JsonNode statementOnceItShows(String month, Predicate<JsonNode> ready) {
        return statementOnceItShows(subscriber, month, ready);
    }

    /** Another subscriber's statement, as the auditor reads it, once it meets the condition (30 s at most). */
    protected JsonNode statementOnceItShows(String subscriberId, String month, Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    ApiClient.Response response = auditor.get("/api/v1/subscribers/" + subscriberId + "/statements/"
                            + month);
                    return response.status() == 200 ? response.json() : null;
                }, statement -> statement != null && ready.test(statement));
    }

    protected JsonNode statementWithGrams(String month, String lineId, long grams) {
        return statementOnceItShows(month, s -> hasLine(s, lineId) && line(s, lineId).get("co2eGrams").asLong() == grams);
    }

    protected JsonNode close(String month) {
        ApiClient.Response response = ops.postJson("/api/v1/ops/months/" + month + "/close", "");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    protected static boolean hasLine(JsonNode statement, String lineId) {
        for (JsonNode line : statement.get("lines")) {
            if (line.get("lineId").asString().equals(lineId)) {
                return true;
            }
        }
        return false;
    }

    protected static JsonNode line(JsonNode statement, String lineId) {
        for (JsonNode line : statement.get("lines")) {
            if (line.get("lineId").asString().equals(lineId)) {
                return line;
            }
        }
        throw new AssertionError("no line " + lineId + " in " + statement);
    }
}
