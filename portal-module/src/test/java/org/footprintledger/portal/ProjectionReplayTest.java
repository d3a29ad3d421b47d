package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The statement read model is a pure function of the ledger: replayed from zero, it holds exactly the same rows. */
class ProjectionReplayTest extends LedgerIntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    private List<Map<String, Object>> readModel() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM ledger_statement_line ORDER BY subscriber_id, month, line_id");
        rows.addAll(jdbc.queryForList("SELECT * FROM ledger_statement_correction ORDER BY event_id"));
        return rows;
    }

    @Test
    void replaying_the_ledger_projection_from_zero_rebuilds_the_same_read_model() {
        send(UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), "2023-12-01", 10_000_000_000L, 0, true)
                .fixed(id("r2"), subscriber, id("box"), "2023-12-02", 5, 5));
        statementWithGrams("2023-12", id("mob"), 494);
        close("2023-12");
        statementOnceItShows("2023-12", s -> s.get("status").asString().equals("CLOSED"));
        send(UsageFeed.batch().mobile(id("r3"), subscriber, id("mob"), "2023-12-31", 1_000_000_000L, 0, false));
        JsonNode before = statementWithGrams("2023-12", id("mob"), 543);
        List<Map<String, Object>> rowsBefore = readModel();
        assertThat(rowsBefore).isNotEmpty();

        StreamingEventProcessor ledger = processing.eventProcessor("ledger", StreamingEventProcessor.class)
                .orElseThrow();
        ledger.shutDown();
        ledger.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_statement_line", Long.class)).isZero();
        ledger.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !ledger.isReplaying()
                && ledger.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()));

        assertThat(readModel()).isEqualTo(rowsBefore);
        assertThat(auditor.get(statementPath("2023-12")).json()).isEqualTo(before);
    }
}
