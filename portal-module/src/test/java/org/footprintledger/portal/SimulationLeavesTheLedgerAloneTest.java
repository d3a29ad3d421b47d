package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A simulation, even of a draft set, never touches the ledger: the event store, the statement read model and its
 * corrections are exactly as before, and the hash chains verify as before. August 2024 is this test's own month.
 */
class SimulationLeavesTheLedgerAloneTest extends AuditJobsTest {

    private static final String MONTH = "2024-08";

    @Autowired
    JdbcTemplate jdbc;

    private String ledgerState() {
        return jdbc.queryForObject("SELECT count(*) || ':' || coalesce(max(global_index), 0) FROM domain_event_entry "
                + "WHERE aggregate_identifier LIKE ?", String.class, "%/" + MONTH)
                + "|" + jdbc.queryForObject("SELECT coalesce(string_agg(subscriber_id || line_id || exact_grams || "
                + "co2e_grams || factor_set_id || last_event_id, ',' ORDER BY subscriber_id, line_id), '') "
                + "FROM ledger_statement_line WHERE month = ?", String.class, MONTH)
                + "|" + jdbc.queryForObject("SELECT count(*) FROM ledger_statement_correction WHERE month = ?",
                Long.class, MONTH)
                + "|" + jdbc.queryForObject("SELECT factor_set_id FROM ledger_month_close WHERE month = ?",
                String.class, MONTH);
    }

    @Test
    void simulating_a_draft_set_changes_nothing_in_the_ledger_and_the_draft_is_never_published() {
        send(UsageFeed.batch()
                .mobile(id("a"), subscriber, id("mob"), "2024-08-03", 7_000_000_000L, 0, false)
                .fixed(id("b"), subscriber, id("box"), "2024-08-04", 80_000_000_000L, 0));
        statementWithGrams(MONTH, id("box"), 4100);
        close(MONTH);
        statementOnceItShows(MONTH, s -> s.get("status").asString().equals("CLOSED"));
        String before = ledgerState();
        JsonNode integrityBefore = auditor.get("/api/v1/audit/integrity").json();

        Map<String, Object> draft = set("DRAFT-2024-08", "2024-08-01", "2024-09-01", List.of(
                value("MOBILE", null, 0, 25), value("FIXED", null, 3000, 0)));
        JsonNode report = simulate(Map.of("draft", draft, "from", MONTH, "to", MONTH));
        // 7 Go × 25 = 175 g instead of 7 × 49.4 = 345.8 g; the box 3 000 g instead of 4 100 g
        assertThat(report.get("simulation").get("draft").asBoolean()).isTrue();
        assertThat(month(report, MONTH).get("exactGramsBefore").asString()).isEqualTo("4445.8");
        assertThat(month(report, MONTH).get("exactGramsAfter").asString()).isEqualTo("3175");
        String simulationId = report.get("simulation").get("simulationId").asString();
        assertThat(auditor.get("/api/v1/audit/simulations/" + simulationId + "/report?format=csv").body())
                .contains(lineKey(id("mob")) + ",MOBILE,4G,7000000000,1,ADEME-2022,345.8,346,DRAFT-2024-08,175,175");

        assertThat(ledgerState()).isEqualTo(before);
        JsonNode integrityAfter = auditor.get("/api/v1/audit/integrity").json();
        assertThat(integrityAfter.get("brokenLinks")).isEqualTo(integrityBefore.get("brokenLinks"));
        assertThat(integrityAfter.get("eventsChecked").asLong()).isEqualTo(integrityBefore.get("eventsChecked").asLong());
        assertThat(auditor.get("/api/v1/factor-sets").body()).doesNotContain("DRAFT-2024-08");

        // a draft is restated only once published
        ApiClient.Response refused = auditor.postJson("/api/v1/audit/restatements",
                Map.of("simulationId", simulationId, "reason", "essai"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("message").asString()).contains("draft", "publish");
        assertThat(ledgerState()).isEqualTo(before);
    }

    @Test
    void bad_simulation_requests_answer_400_saying_what_is_wrong() {
        ApiClient.Response both = auditor.postJson("/api/v1/audit/simulations", Map.of("from", "2024-08",
                "to", "2024-08"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("message").asString()).contains("factorSetId", "draft");
        ApiClient.Response backwards = auditor.postJson("/api/v1/audit/simulations",
                Map.of("factorSetId", "ADEME-2022", "from", "2024-08", "to", "2024-07"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("message").asString()).contains("before");
        ApiClient.Response badMonth = auditor.postJson("/api/v1/audit/simulations",
                Map.of("factorSetId", "ADEME-2022", "from", "août", "to", "2024-08"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("message").asString()).contains("from", "yyyy-MM");
        assertThat(auditor.get("/api/v1/audit/simulations/nope").status()).isEqualTo(404);
        assertThat(ops.postJson("/api/v1/audit/simulations", Map.of("factorSetId", "ADEME-2022", "from", "2024-08",
                "to", "2024-08")).status()).isEqualTo(403);
        assertThat(as(subscriber, "demo").get("/api/v1/audit/restatements").status()).isIn(401, 403);
    }
}
