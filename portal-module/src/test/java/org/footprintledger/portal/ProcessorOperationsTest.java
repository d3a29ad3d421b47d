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
 * the start rebuilds the same statements; an event the projection could not handle waits in the dead-letter queue,
 * shows on the board, and is handled once its cause is gone.
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
    void an_event_the_projection_could_not_handle_is_a_dead_letter_until_its_cause_is_gone_and_it_is_retried() {
        send(UsageFeed.batch().mobile(id("r0"), subscriber + "-other", id("other"), MONTH + "-01", 1, 0, false));
        close(MONTH);
        // the cause: the read model refuses this subscriber's rows (a stand-in for a full disk or a bad migration)
        db.execute("ALTER TABLE ledger_statement_line ADD CONSTRAINT refuses_" + subscriber.toLowerCase()
                + " CHECK (subscriber_id <> '" + subscriber + "') NOT VALID");
        try {
            send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), MONTH + "-05", 3_000_000_000L, 0, false));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    ops.get("/api/v1/ops/board").json().get("deadLetters").toString().contains("\"ledger\""));
            assertThat(auditor.get(statementPath(MONTH)).status()).isEqualTo(404);
            assertThat(ops.get("/api/v1/ops/board").json().get("attention").toString()).contains("deadLetters");
        } finally {
            db.execute("ALTER TABLE ledger_statement_line DROP CONSTRAINT refuses_" + subscriber.toLowerCase());
        }

        JsonNode retry = ops.postJson("/api/v1/ops/processors/ledger/dead-letters/retry", "").json();

        assertThat(retry.get("sequencesHandled").asLong()).as(retry.toString()).isPositive();
        assertThat(retry.get("deadLettersLeft").asLong()).as(retry.toString()).isZero();
        JsonNode statement = statementOnceItShows(MONTH, s -> hasLine(s, id("mob")));
        assertThat(line(statement, id("mob")).get("exact").get("bytes").asLong()).isEqualTo(3_000_000_000L);
        assertThat(ops.get("/api/v1/ops/board").json().get("deadLetters")).isEmpty();
    }
}
