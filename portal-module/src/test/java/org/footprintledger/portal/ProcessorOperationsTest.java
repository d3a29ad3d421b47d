package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The runbook's tools for the event processors, over HTTP as ops use them: a replay of the ledger projection from
 * the start rebuilds the same statements, the processors' view following it back to the head; the dead-letter retry
 * says what it handled and what is left.
 */
class ProcessorOperationsTest extends LedgerIntegrationTest {

    @Autowired
    JdbcTemplate db;

    /** A month no other test uses: the statement this test replays is issued at its close, then corrected. */
    private static final String MONTH = "2025-07";

    @Test
    void a_replay_of_the_ledger_projection_rebuilds_the_same_statements() {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), MONTH + "-04", 2_000_000_000L, 0, false));
        close(MONTH);
        statementOnceItShows(MONTH, s -> "CLOSED".equals(s.get("status").asString()) && hasLine(s, id("mob")));
        // usage received after the close: the statement shows its correction
        send(UsageFeed.batch().mobile(id("r2"), subscriber, id("mob"), MONTH + "-05", 1_000_000_000L, 0, false));
        JsonNode before = statementOnceItShows(MONTH, s -> line(s, id("mob")).get("corrections").size() == 1);
        assertThat(line(before, id("mob")).get("co2eGrams").asLong()).as("3 Go at 49.4 g").isEqualTo(148);
        // a subscriber whose first usage of the month arrives after its close, the close asked for again meanwhile
        String lateComer = subscriber + "-late";
        send(UsageFeed.batch().mobile(lateComer + "-r1", lateComer, lateComer + "-mob", MONTH + "-06", 1_000_000_000L,
                0, false));
        close(MONTH);
        // settled once it shows the record, 1 Go at 49.4 g (the close may state the month first without it: the
        // record then comes in as a correction from 0 g, the shape one CI run's replay did not rebuild)
        JsonNode lateBefore = statementOnceItShows(lateComer, MONTH, s -> "CLOSED".equals(s.get("status").asString())
                && hasLine(s, lateComer + "-mob") && line(s, lateComer + "-mob").get("co2eGrams").asLong() == 49);

        ApiClient.Response replay = ops.postJson("/api/v1/ops/processors/ledger/replay", "");

        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.json().get("processorName").asString()).isEqualTo("ledger");
        // the replay reads every event the shared application stored so far: its time grows with the suite's
        long started = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> ledgerSegmentBehind() == 0);
        System.out.printf("replay of the ledger projection caught up in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        // the token at the head, the statement is back as it was shown (one CI run read it different once: a
        // statement that does not come back within a short wait fails with the processor's state and the ledger's
        // stream beside it)
        JsonNode after = statementAfterTheReplay(subscriber, before);
        assertThat(after).as("processors %s, dead letters %s, the ledger's events %s",
                ops.get("/api/v1/ops/processors").body(), ops.get("/api/v1/ops/board").json().get("deadLetters"),
                db.queryForList("SELECT global_index, sequence_number, payload_type FROM domain_event_entry "
                        + "WHERE aggregate_identifier = (SELECT pseudonym FROM subscriber_pseudonym "
                        + "WHERE subscriber_id = ?) || '/' || ? ORDER BY sequence_number", subscriber, MONTH))
                .isEqualTo(before);
        assertThat(statementAfterTheReplay(lateComer, lateBefore)).isEqualTo(lateBefore);
        assertThat(ops.get("/api/v1/ops/board").json().get("deadLetters")).as("no event failed in the replay")
                .isEmpty();
        assertThat(ops.postJson("/api/v1/ops/processors/no-such-processor/replay", "").status()).isEqualTo(404);
    }

    @Test
    void the_dead_letter_retry_says_what_it_handled_and_what_is_left() {
        JsonNode retry = ops.postJson("/api/v1/ops/processors/ledger/dead-letters/retry", "").json();

        assertThat(retry.get("processingGroup").asString()).isEqualTo("ledger");
        assertThat(retry.get("sequencesHandled").asLong()).as(retry.toString()).isZero();
        assertThat(retry.get("deadLettersLeft").asLong()).as(retry.toString()).isZero();
        assertThat(ops.get("/api/v1/ops/board").json().get("deadLetters")).isEmpty();
        JsonNode segment = ops.get("/api/v1/ops/processors").json().get(0);
        assertThat(segment.get("processorName").asString()).isEqualTo("ledger");
        assertThat(segment.get("owner").asString()).as("this node holds the segment: " + segment).isNotBlank();
        assertThat(segment.get("position").asLong()).isLessThanOrEqualTo(segment.get("head").asLong());
        assertThat(ops.postJson("/api/v1/ops/processors/no-such-group/dead-letters/retry", "").status())
                .isEqualTo(404);
    }

    /** The statement once it is back as it was, or as it is after 30 s (the assertion then shows the difference). */
    private JsonNode statementAfterTheReplay(String subscriberId, JsonNode before) {
        try {
            return statementOnceItShows(subscriberId, MONTH, before::equals);
        } catch (ConditionTimeoutException e) {
            return auditor.get("/api/v1/subscribers/" + subscriberId + "/statements/" + MONTH).json();
        }
    }

    /** Events stored after the ledger projection's token, as the board reads it from the token store. */
    private long ledgerSegmentBehind() {
        long behind = -1;
        for (JsonNode segment : ops.get("/api/v1/ops/processors").json()) {
            if (segment.get("processorName").asString().equals("ledger")) {
                behind = Math.max(behind, segment.get("behind").asLong());
            }
        }
        return behind;
    }
}
