package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The runbook's tools for the event processors, over HTTP as ops use them: a replay of the ledger projection from
 * the start rebuilds the same statements; a write the read model refuses holds the projection back, its token
 * behind the head as the processors' view shows it, until the cause is gone; the dead-letter retry says what it did.
 */
class ProcessorOperationsTest extends LedgerIntegrationTest {

    /** The month OpsBoardBrowserTest and MonitoringFilesTest close too; each passes whoever closes it first. */
    private static final String MONTH = "2025-11";

    @Autowired
    JdbcTemplate db;

    @Test
    void a_replay_of_the_ledger_projection_rebuilds_the_same_statements() {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), MONTH + "-04", 2_000_000_000L, 0, false));
        close(MONTH);
        JsonNode before = statementOnceItShows(MONTH, s -> "CLOSED".equals(s.get("status").asString()));

        ApiClient.Response replay = ops.postJson("/api/v1/ops/processors/ledger/replay", "");

        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.json().get("processorName").asString()).isEqualTo("ledger");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ApiClient.Response now = auditor.get(statementPath(MONTH));
            return now.status() == 200 && now.json().equals(before);
        });
        JsonNode segments = ops.get("/api/v1/ops/processors").json();
        assertThat(segments.toString()).contains("\"processorName\":\"ledger\"");
        assertThat(ops.postJson("/api/v1/ops/processors/no-such-processor/replay", "").status()).isEqualTo(404);
    }

    @Test
    void a_write_the_read_model_refuses_holds_the_projection_back_on_the_board_until_the_cause_is_gone() {
        send(UsageFeed.batch().mobile(id("r0"), subscriber + "-other", id("other"), MONTH + "-01", 1, 0, false));
        close(MONTH);
        // the cause: the read model refuses this subscriber's rows (a stand-in for a full disk or a bad migration).
        // The projection writes a batch at once, after its handlers: the batch fails as a whole, the processor
        // retries it with back-off (nothing is lost, nothing is a dead letter) and its token stays behind the head.
        String constraint = "refuses_" + subscriber.toLowerCase();
        db.execute("ALTER TABLE ledger_statement_line ADD CONSTRAINT " + constraint + " CHECK (subscriber_id <> '"
                + subscriber + "') NOT VALID");
        try {
            send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), MONTH + "-05", 3_000_000_000L, 0, false));
            // held back for seconds (the processor retries after 1 s, 2 s, 4 s...), not merely not there yet
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ledgerSegmentBehind() > 0);
        } finally {
            db.execute("ALTER TABLE ledger_statement_line DROP CONSTRAINT " + constraint);
        }

        // until the ledger has it, the late usage shows provisional (from the usage side); then closed
        JsonNode statement = statementOnceItShows(MONTH, s -> "CLOSED".equals(s.get("status").asString())
                && hasLine(s, id("mob")));
        assertThat(line(statement, id("mob")).get("exact").get("bytes").asLong()).isEqualTo(3_000_000_000L);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerSegmentBehind() == 0);
        JsonNode retry = ops.postJson("/api/v1/ops/processors/ledger/dead-letters/retry", "").json();
        assertThat(retry.get("sequencesHandled").asLong()).as(retry.toString()).isZero();
        assertThat(retry.get("deadLettersLeft").asLong()).as(retry.toString()).isZero();
        assertThat(ops.get("/api/v1/ops/board").json().get("deadLetters")).isEmpty();
        assertThat(ops.postJson("/api/v1/ops/processors/no-such-group/dead-letters/retry", "").status())
                .isEqualTo(404);
    }

    /** Events stored after the ledger projection's token, as the board reads it from the token store. */
    private long ledgerSegmentBehind() {
        long behind = 0;
        for (JsonNode segment : ops.get("/api/v1/ops/processors").json()) {
            if (segment.get("processorName").asString().equals("ledger")) {
                behind = Math.max(behind, segment.get("behind").asLong());
            }
        }
        return behind;
    }
}
