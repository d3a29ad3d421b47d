package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.footprintledger.footprint.api.LedgerChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tampering is never served silently: a stored event altered in the database turns every read of its month (statement,
 * as-of, explanation, export, customer page) into "integrity broken" without its figures, counted and logged; a stream
 * deleted whole, or rewritten with every hash recomputed (which no per-stream chain can see), is found by checking the
 * ledger against a digest of the chain heads recorded before.
 */
class TamperingIsNeverServedTest extends LedgerIntegrationTest {

    /** In the customer page's twelve months, so the page shows it. */
    /** A month the customer page shows (within its twelve) that no other test closes or re-rates. */
    private static final String PAGE_MONTH = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Paris"))
            .minusMonths(5).toString();
    private static final String DIGEST_MONTH = "2024-02";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    private void aClosedMonth(String month) {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), month + "-03", 2_000_000_000L, 0, false));
        statementWithGrams(month, id("mob"), 99);
        close(month);
        statementOnceItShows(month, s -> "CLOSED".equals(s.get("status").asString()));
    }

    @Test
    void an_event_altered_in_the_database_is_flagged_on_every_read_and_its_figures_withheld() {
        aClosedMonth(PAGE_MONTH);
        String ledgerId = ledgerId(PAGE_MONTH);
        ApiClient customer = as(subscriber, "demo");
        assertThat(customer.get(statementPath(PAGE_MONTH)).json().get("integrity").asString()).isEqualTo("verified");
        Browser browser = new Browser(port);
        browser.logIn(subscriber, "demo");
        assertThat(browser.open("/espace-client?mois=" + PAGE_MONTH)).doesNotContain("ses chiffres sont retenus");
        double before = unverifiedReads();

        byte[] original = payloadOf(ledgerId, 0);
        try {
            // someone lowers the month's usage in the stored statement
            store(ledgerId, 0, new String(original, StandardCharsets.UTF_8)
                    .replace("\"bytes\":2000000000", "\"bytes\":2000").getBytes(StandardCharsets.UTF_8));

            JsonNode statement = customer.get(statementPath(PAGE_MONTH)).json();
            assertThat(statement.get("integrity").asString()).isEqualTo("broken");
            assertThat(statement.get("lines")).isEmpty();
            assertThat(statement.get("status").asString()).isEqualTo("CLOSED");

            JsonNode asOf = customer.get(statementPath(PAGE_MONTH) + "?asOf=2030-01-01T00:00:00Z").json();
            assertThat(asOf.get("integrity").asString()).isEqualTo("broken");
            assertThat(asOf.get("lines")).isEmpty();

            JsonNode range = customer.get("/api/v1/subscribers/" + subscriber + "/statements?from=" + PAGE_MONTH
                    + "&to=" + PAGE_MONTH).json();
            assertThat(range.get(0).get("integrity").asString()).isEqualTo("broken");

            ApiClient.Response explanation = customer.get(statementPath(PAGE_MONTH) + "/explanation");
            assertThat(explanation.status()).as(explanation.body()).isEqualTo(200);
            assertThat(explanation.json().get("integrity").asString()).isEqualTo("broken");
            assertThat(explanation.body()).doesNotContain("\"co2eGrams\"", "\"formula\"");

            JsonNode export = customer.get("/api/v1/subscribers/" + subscriber + "/export?format=json").json();
            assertThat(export.get("statements").get(0).get("integrity").asString()).isEqualTo("broken");
            assertThat(customer.get("/api/v1/subscribers/" + subscriber + "/export?format=csv").body())
                    .contains("statement_withheld," + PAGE_MONTH);

            assertThat(browser.open("/espace-client?mois=" + PAGE_MONTH))
                    .contains("Le registre de " + PAGE_MONTH + " ne passe pas", "ses chiffres sont retenus");
            assertThat(browser.open("/espace-client?mois=" + PAGE_MONTH + "&lang=en"))
                    .contains("fails its integrity check");
            assertThat(browser.open("/espace-client/pourquoi/" + PAGE_MONTH + "/" + id("mob") + "?lang=fr"))
                    .as("the explanation page of a broken month leads to the month's banner")
                    .contains("ses chiffres sont retenus").doesNotContain("Go = ");
            assertThat(unverifiedReads()).isGreaterThan(before);
        } finally {
            store(ledgerId, 0, original);
        }
        // restored, the stream is verified again: the verdict follows the stream's rows, not a stale cache
        JsonNode restored = customer.get(statementPath(PAGE_MONTH)).json();
        assertThat(restored.get("integrity").asString()).isEqualTo("verified");
        assertThat(line(restored, id("mob")).get("co2eGrams").asLong()).isEqualTo(99);
    }

    @Test
    void a_stream_deleted_whole_is_found_against_the_digest_though_every_remaining_chain_holds() {
        aClosedMonth(DIGEST_MONTH);
        String ledgerId = ledgerId(DIGEST_MONTH);
        String digest = recordedDigest();
        assertThat(check(digest).get("holds").asBoolean()).isTrue();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", ledgerId);
        try {
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", ledgerId);

            assertThat(brokenLinkOf(auditor.get("/api/v1/audit/integrity").json())).isNull();
            JsonNode check = check(digest);
            assertThat(check.get("holds").asBoolean()).isFalse();
            assertThat(check.get("rootMatchesHeads").asBoolean()).isTrue();
            assertThat(mismatchOf(check, ledgerId).get("problem").asString()).contains("deleted");
        } finally {
            rows.forEach(this::insert);
        }
        assertThat(check(digest).get("holds").asBoolean()).isTrue();
    }

    @Test
    void a_stream_rewritten_with_every_hash_recomputed_is_found_against_the_digest() throws Exception {
        aClosedMonth(DIGEST_MONTH);
        String ledgerId = ledgerId(DIGEST_MONTH);
        String digest = recordedDigest();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT sequence_number, payload_type, payload FROM "
                + "domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", ledgerId);
        String originalLastHash = null;
        String forgedLastHash = null;
        try {
            // a forger who knows the chain rule: the statement issued an hour earlier, then every hash anew
            String previous = LedgerChain.GENESIS;
            for (Map<String, Object> row : rows) {
                ObjectNode event = (ObjectNode) JSON.readTree((byte[]) row.get("payload"));
                originalLastHash = event.get("hash").asString();
                if (event.has("issuedAt")) {
                    event.put("issuedAt", java.time.Instant.parse(event.get("issuedAt").asString()).minusSeconds(3600)
                            .toString());
                }
                event.put("previousHash", previous);
                LedgerChain.Chained chained = (LedgerChain.Chained) JSON.treeToValue(event,
                        Class.forName((String) row.get("payload_type")));
                previous = LedgerChain.link(previous, chained.chainContent());
                event.put("hash", previous);
                store(ledgerId, ((Number) row.get("sequence_number")).longValue(), JSON.writeValueAsBytes(event));
            }
            forgedLastHash = previous;

            assertThat(brokenLinkOf(auditor.get("/api/v1/audit/integrity").json()))
                    .as("the rewritten chain holds by itself").isNull();
            JsonNode check = check(digest);
            assertThat(check.get("holds").asBoolean()).isFalse();
            assertThat(mismatchOf(check, ledgerId).get("problem").asString()).contains("rewritten", forgedLastHash,
                    originalLastHash);
        } finally {
            rows.forEach(row -> store(ledgerId, ((Number) row.get("sequence_number")).longValue(),
                    (byte[]) row.get("payload")));
        }
        assertThat(check(digest).get("holds").asBoolean()).isTrue();
    }

    @Test
    void the_auditors_integrity_page_shows_the_last_check_and_the_latest_digest() {
        aClosedMonth(DIGEST_MONTH);
        String root = JSON.readTree(recordedDigest()).get("merkleRoot").asString();
        Browser browser = new Browser(port);
        browser.logIn("auditor", "auditor");

        String page = browser.open("/audit/integrity?check=now");
        assertThat(page).contains("Intégrité du registre", root, "Racine de Merkle", "/audit/integrity/digest.json");
        assertThat(browser.open("/audit/integrity?lang=en")).contains("Ledger integrity", "Merkle root");
        assertThat(browser.open("/audit/integrity/digest.json")).contains(root, ledgerId(DIGEST_MONTH));
        Browser editor = new Browser(port);
        editor.logIn("editor", "editor");
        assertThat(editor.open("/audit/integrity")).doesNotContain(root);
    }

    @Test
    void a_digest_check_with_a_body_that_is_no_digest_is_a_clear_400() {
        assertThat(auditor.postJson("/api/v1/audit/integrity/digest-check", "{\"heads\":[]}").status())
                .isEqualTo(400);
        ApiClient.Response response = auditor.postJson("/api/v1/audit/integrity/digest-check",
                "{\"streams\":1,\"merkleRoot\":\"ab\",\"heads\":[{\"lastSequence\":0}]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).contains("must be a chain digest");
        assertThat(ops.get("/api/v1/audit/integrity/digests/latest").status()).isEqualTo(403);
    }

    private String recordedDigest() {
        assertThat(auditor.postJson("/api/v1/audit/integrity/digests", "").status()).isEqualTo(200);
        ApiClient.Response latest = auditor.get("/api/v1/audit/integrity/digests/latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.body()).contains(subscriberKeys.keyOf(subscriber).orElseThrow()).doesNotContain(subscriber);
        return latest.body();
    }

    private JsonNode check(String digest) {
        ApiClient.Response response = auditor.postJson("/api/v1/audit/integrity/digest-check", digest);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode mismatchOf(JsonNode check, String ledgerId) {
        for (JsonNode mismatch : check.get("mismatches")) {
            if (mismatch.get("ledgerId").asString().equals(ledgerId)) {
                return mismatch;
            }
        }
        throw new AssertionError("no mismatch for " + ledgerId + " in " + check);
    }

    private JsonNode brokenLinkOf(JsonNode report) {
        assertThat(report.has("intact")).as("the report says whether it is intact, as documented").isTrue();
        for (JsonNode link : report.get("brokenLinks")) {
            if (link.get("subscriberKey").asString().equals(subscriberKeys.keyOf(subscriber).orElseThrow())) {
                return link;
            }
        }
        return null;
    }

    private double unverifiedReads() {
        String metrics = ops.get("/actuator/prometheus").body();
        return metrics.lines().filter(l -> l.startsWith("ledger_integrity_unverified_reads_total{")
                        && l.contains("read=\"statement\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private byte[] payloadOf(String ledgerId, long sequence) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, ledgerId, sequence);
    }

    private void store(String ledgerId, long sequence, byte[] payload) {
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                payload, ledgerId, sequence);
    }

    private void insert(Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(c -> "?").toList());
        jdbc.update("INSERT INTO domain_event_entry (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
    }
}
