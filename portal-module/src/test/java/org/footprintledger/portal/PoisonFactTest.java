package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A poison fact parks only its own ledger: whatever the ledger refuses of one subscriber, the others of the same
 * feeder partition keep flowing; ops see the parked ledger with its reason and retry it once the cause is fixed.
 */
class PoisonFactTest extends LedgerIntegrationTest {

    /** Months no other test uses: this class closes them (late usage is what reaches the ledger as facts). */
    private static final String OVERFLOW_MONTH = "2024-10";
    private static final String CONFLICT_MONTH = "2024-11";

    @Autowired
    JdbcTemplate db;

    @Test
    void facts_summing_past_a_long_park_their_ledger_and_a_retry_after_the_fix_gives_exact_figures() {
        String healthy = subscriberInTheSamePartition();
        close(OVERFLOW_MONTH);
        // rows an older release could leave in the outbox: their sum is no long
        injectFact(subscriber, OVERFLOW_MONTH, id("M1"), "MOBILE", 5_000_000_000_000_000_000L);
        injectFact(subscriber, OVERFLOW_MONTH, id("M1"), "MOBILE", 5_000_000_000_000_000_000L);
        // late usage of another subscriber of the same feeder partition
        send(UsageFeed.batch().mobile(healthy + "-r1", healthy, healthy + "-M1", OVERFLOW_MONTH + "-02",
                12_000_000_000L, 999_999_999L, false));

        assertThat(statementOf(healthy, OVERFLOW_MONTH).get("lines").get(0).get("co2eGrams").asLong())
                .isEqualTo(642);
        JsonNode parked = parkedLedger(subscriber + "/" + OVERFLOW_MONTH);
        assertThat(parked.get("reason").asString()).contains("bytes sum to 10000000000000000000, beyond a long");
        assertThat(parked.get("waitingFacts").asLong()).isEqualTo(2);
        assertThat(ops.get("/actuator/prometheus").body()).contains("usage_ledger_parked");
        assertThat(auditor.get(statementPath(OVERFLOW_MONTH)).status()).isEqualTo(404);

        db.update("UPDATE usage_ledger_fact SET bytes_delta = 6000000000 WHERE subscriber_id = ?", subscriber);
        JsonNode retry = ops.postJson("/api/v1/ops/parked-ledgers/" + subscriber + "/" + OVERFLOW_MONTH + "/retry", "")
                .json();

        assertThat(retry.get("fed").asBoolean()).as(retry.toString()).isTrue();
        JsonNode statement = statementOnceItShows(OVERFLOW_MONTH, s -> hasLine(s, id("M1")));
        assertThat(line(statement, id("M1")).get("exact").get("bytes").asLong()).isEqualTo(12_000_000_000L);
        assertThat(ops.get("/api/v1/ops/parked-ledgers").body()).doesNotContain(subscriber + "/" + OVERFLOW_MONTH);
    }

    @Test
    void a_fact_the_ledger_refuses_for_another_reason_parks_its_ledger_once_and_the_others_flow() throws Exception {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("M1"), CONFLICT_MONTH + "-02", 1_000_000_000L, 0,
                false));
        statementOnceItShows(CONFLICT_MONTH, s -> hasLine(s, id("M1")));
        close(CONFLICT_MONTH);
        statementOnceItShows(CONFLICT_MONTH, s -> "CLOSED".equals(s.get("status").asString()));
        String healthy = subscriberInTheSamePartition();
        // a line the ledger knows as MOBILE, said FIXED
        injectFact(subscriber, CONFLICT_MONTH, id("M1"), "FIXED", 5);
        send(UsageFeed.batch().mobile(healthy + "-r1", healthy, healthy + "-M1", CONFLICT_MONTH + "-02",
                12_000_000_000L, 999_999_999L, false));

        assertThat(statementOf(healthy, CONFLICT_MONTH).get("lines").get(0).get("co2eGrams").asLong())
                .isEqualTo(642);
        JsonNode parked = parkedLedger(subscriber + "/" + CONFLICT_MONTH);
        assertThat(parked.get("reason").asString())
                .as("the line named by its ledger key, as the ledger knows it")
                .isEqualTo("LineTypeConflictException: line " + lineKey(id("M1")) + " is MOBILE, not FIXED");
        Thread.sleep(4_500);
        assertThat(parkedLedger(subscriber + "/" + CONFLICT_MONTH).get("attempts").asInt())
                .as("not retried at every round").isEqualTo(1);

        JsonNode refused = ops.postJson("/api/v1/ops/parked-ledgers/retry", "").json();
        assertThat(refused.toString())
                .contains(subscriber + "/" + CONFLICT_MONTH, "\"fed\":false", "is MOBILE, not FIXED");
        assertThat(parkedLedger(subscriber + "/" + CONFLICT_MONTH).get("attempts").asInt()).isEqualTo(2);

        db.update("UPDATE usage_ledger_fact SET line_type = 'MOBILE' WHERE subscriber_id = ?", subscriber);
        JsonNode retry = ops.postJson("/api/v1/ops/parked-ledgers/" + subscriber + "/" + CONFLICT_MONTH + "/retry", "")
                .json();

        assertThat(retry.get("fed").asBoolean()).as(retry.toString()).isTrue();
        JsonNode statement = statementOnceItShows(CONFLICT_MONTH,
                s -> line(s, id("M1")).get("exact").get("bytes").asLong() == 1_000_000_005L);
        assertThat(line(statement, id("M1")).get("exact").get("bytes").asLong()).isEqualTo(1_000_000_005L);
        assertThat(feed.get("/api/v1/ops/parked-ledgers").status()).isEqualTo(403);
    }

    private String subscriberInTheSamePartition() {
        for (int i = 0; ; i++) {
            String candidate = subscriber + "-n" + i;
            if (db.queryForObject("SELECT mod(abs(hashtext(?)), 2) = mod(abs(hashtext(?)), 2)", Boolean.class,
                    candidate, subscriber)) {
                return candidate;
            }
        }
    }

    private void injectFact(String subscriberId, String month, String lineId, String lineType, long bytes) {
        db.update("INSERT INTO usage_ledger_fact (subscriber_id, month, line_id, line_type, technology, bytes_delta, "
                + "records_delta, estimated_delta, batch_id) VALUES (?, ?, ?, ?, NULL, ?, 1, 0, 'injected')",
                subscriberId, month, lineId, lineType, bytes);
    }

    /** The statement once the ledger holds it: closed (until then, a closed month's late usage shows provisional). */
    private JsonNode statementOf(String subscriberId, String month) {
        return statementOnceItShows(subscriberId, month,
                statement -> "CLOSED".equals(statement.get("status").asString()));
    }

    private JsonNode parkedLedger(String ledgerId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode parked : ops.get("/api/v1/ops/parked-ledgers").json()) {
                if (parked.get("ledgerId").asString().equals(ledgerId)) {
                    return parked;
                }
            }
            return null;
        }, parked -> parked != null);
    }
}
