package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Tamper evidence: the auditor's integrity check finds an event altered in the database, and only that one. */
class LedgerIntegrityTest extends LedgerIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private JsonNode integrity() {
        ApiClient.Response response = auditor.get("/api/v1/audit/integrity");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode brokenLinkOf(JsonNode report) {
        for (JsonNode link : report.get("brokenLinks")) {
            if (link.get("subscriberKey").asString().equals(subscriberKeys.keyOf(subscriber).orElseThrow())) {
                return link;
            }
        }
        return null;
    }

    @Test
    void an_event_altered_in_the_database_breaks_its_subscriber_chain_at_that_event() {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2023-11-03", 1_000_000_000L, 0, false));
        statementWithGrams("2023-11", id("mob"), 49);
        send(UsageFeed.batch().mobile(id("r2"), subscriber, id("mob"), "2023-11-04", 1_000_000_000L, 0, false));
        statementWithGrams("2023-11", id("mob"), 99);
        close("2023-11");
        statementOnceItShows("2023-11", s -> "CLOSED".equals(s.get("status").asString()));

        JsonNode intact = integrity();
        assertThat(intact.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(brokenLinkOf(intact)).isNull();

        String ledgerId = ledgerId("2023-11");
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", byte[].class, ledgerId);
        String json = new String(original, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"bytes\":2000000000");
        try {
            // someone lowers the month's usage in the stored statement
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? "
                    + "AND sequence_number = 0", json.replace("\"bytes\":2000000000", "\"bytes\":2000")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), ledgerId);

            JsonNode broken = brokenLinkOf(integrity());
            assertThat(broken).isNotNull();
            assertThat(broken.get("ledgerId").asString()).isEqualTo(ledgerId);
            assertThat(broken.get("sequenceNumber").asLong()).isZero();
            assertThat(broken.get("problem").asString()).contains("altered");
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? "
                    + "AND sequence_number = 0", original, ledgerId);
        }
        assertThat(brokenLinkOf(integrity())).isNull();
    }

    @Test
    void only_auditors_run_the_integrity_check() {
        assertThat(ops.get("/api/v1/audit/integrity").status()).isEqualTo(403);
        assertThat(feed.get("/api/v1/audit/integrity").status()).isEqualTo(403);
    }
}
