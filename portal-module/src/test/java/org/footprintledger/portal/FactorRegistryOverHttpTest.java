package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The factor registry: ADEME 2022 seeded with its sources, sets published by ops and never changed, the set in force
 * changing at a month boundary, and an auditor's compare-then-restate of a closed month under a revised set.
 */
class FactorRegistryOverHttpTest extends LedgerIntegrationTest {

    private static Map<String, Object> mobileSet(String id, String from, String until, String gramsPerGo) {
        return Map.of("id", id, "name", "operator " + id, "method", "operator values under the RCP (test)",
                "validFrom", from, "validUntil", until, "octetsPerGo", 1_000_000_000L,
                "values", List.of(
                        Map.of("lineType", "MOBILE", "gramsPerLineMonth", 0, "gramsPerGo", gramsPerGo,
                                "source", "operator network data " + id),
                        Map.of("lineType", "FIXED", "gramsPerLineMonth", 4100, "gramsPerGo", 0,
                                "source", "ADEME 2022")),
                "methodSummary", "Valeurs opérateur " + id + " : " + gramsPerGo + " g éqCO2 par Go mobile.");
    }

    private JsonNode publishedSet(String id) {
        for (JsonNode published : auditor.get("/api/v1/factor-sets").json()) {
            if (published.get("factorSet").get("id").asString().equals(id)) {
                return published;
            }
        }
        return null;
    }

    private void publish(Map<String, Object> set) {
        ApiClient.Response response = ops.postJson("/api/v1/ops/factor-sets", set);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void the_registry_is_seeded_with_ademe_2022_and_the_sources_of_each_value() {
        JsonNode ademe = publishedSet("ADEME-2022").get("factorSet");
        assertThat(ademe.get("validFrom").asString()).isEqualTo("2022-01-01");
        assertThat(ademe.get("octetsPerGo").decimalValue()).isEqualByComparingTo("1000000000");
        assertThat(ademe.get("methodSummary").asString()).contains("1 Go = 10^9 octets");
        JsonNode mobile = ademe.get("values").get(0);
        assertThat(mobile.get("lineType").asString()).isEqualTo("MOBILE");
        assertThat(mobile.get("gramsPerGo").decimalValue()).isEqualByComparingTo("49.4");
        assertThat(mobile.get("source").asString()).contains("Bouygues Telecom");
        JsonNode fixed = ademe.get("values").get(1);
        assertThat(fixed.get("gramsPerLineMonth").decimalValue()).isEqualByComparingTo("4100");
    }

    @Test
    void a_published_set_never_changes_and_only_ops_publish() {
        publish(mobileSet("TEST-ONCE", "2019-01-01", "2019-02-01", "20"));
        publish(mobileSet("TEST-ONCE", "2019-01-01", "2019-02-01", "20"));

        ApiClient.Response changed = ops.postJson("/api/v1/ops/factor-sets",
                mobileSet("TEST-ONCE", "2019-01-01", "2019-02-01", "21"));
        assertThat(changed.status()).isEqualTo(409);
        assertThat(publishedSet("TEST-ONCE").get("factorSet").get("values").get(0).get("gramsPerGo").decimalValue())
                .isEqualByComparingTo("20");

        assertThat(feed.postJson("/api/v1/ops/factor-sets", mobileSet("TEST-FEED", "2019-01-01", "2019-02-01", "1"))
                .status()).isEqualTo(403);
        assertThat(auditor.postJson("/api/v1/ops/factor-sets", mobileSet("TEST-AUD", "2019-01-01", "2019-02-01", "1"))
                .status()).isEqualTo(403);
        ApiClient.Response negative = ops.postJson("/api/v1/ops/factor-sets",
                mobileSet("TEST-NEG", "2019-01-01", "2019-02-01", "-1"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("message").asString()).contains("negative");
    }

    @Test
    void the_set_in_force_changes_at_the_month_boundary() {
        publish(mobileSet("TEST-2023-H2", "2023-06-01", "2023-08-01", "24.3"));
        send(UsageFeed.batch()
                .mobile(id("may"), subscriber, id("mob"), "2023-05-31", 10_000_000_000L, 0, false)
                .mobile(id("june"), subscriber, id("mob"), "2023-06-01", 10_000_000_000L, 0, false));

        JsonNode may = statementWithGrams("2023-05", id("mob"), 494);
        assertThat(line(may, id("mob")).get("factorSetId").asString()).isEqualTo("ADEME-2022");
        // 10 Go x 24.3 g/Go = 243 g
        JsonNode june = statementWithGrams("2023-06", id("mob"), 243);
        assertThat(line(june, id("mob")).get("factorSetId").asString()).isEqualTo("TEST-2023-H2");
        assertThat(line(june, id("mob")).get("methodSummary").asString()).contains("TEST-2023-H2");
    }

    @Test
    void auditors_compare_a_closed_month_under_a_revised_set_then_restate_it_visibly() {
        publish(mobileSet("TEST-2023-H2", "2023-06-01", "2023-08-01", "24.3"));
        send(UsageFeed.batch().mobile(id("july"), subscriber, id("mob"), "2023-07-14", 10_000_000_000L, 0, false));
        statementWithGrams("2023-07", id("mob"), 243);
        close("2023-07");
        statementOnceItShows("2023-07", s -> s.get("status").asString().equals("CLOSED"));
        publish(mobileSet("TEST-2023-07-REV", "2023-07-01", "2023-08-01", "30"));

        JsonNode comparison = auditor.get("/api/v1/audit/months/2023-07/restatement?factorSetId=TEST-2023-07-REV")
                .json();
        assertThat(comparison.get("linesChanged").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode difference = null;
        for (JsonNode d : comparison.get("firstDifferences")) {
            // auditors' comparisons name the line by its ledger key (ADR 0013)
            if (d.get("lineId").asString().equals(lineKey(id("mob")))) {
                difference = d;
            }
        }
        assertThat(difference).isNotNull();
        assertThat(difference.get("shownGrams").asLong()).isEqualTo(243);
        assertThat(difference.get("restatedGrams").asLong()).isEqualTo(300);
        // comparing changes nothing
        assertThat(line(auditor.get(statementPath("2023-07")).json(), id("mob")).get("co2eGrams").asLong())
                .isEqualTo(243);

        assertThat(ops.postJson("/api/v1/audit/months/2023-07/restatement",
                Map.of("factorSetId", "TEST-2023-07-REV", "reason", "x")).status()).isEqualTo(403);
        ApiClient.Response restated = auditor.postJson("/api/v1/audit/months/2023-07/restatement",
                Map.of("factorSetId", "TEST-2023-07-REV", "reason", "valeurs réseau révisées par l'opérateur"));
        assertThat(restated.status()).as(restated.body()).isEqualTo(200);

        JsonNode mobile = line(statementWithGrams("2023-07", id("mob"), 300), id("mob"));
        assertThat(mobile.get("factorSetId").asString()).isEqualTo("TEST-2023-07-REV");
        assertThat(mobile.get("corrections")).hasSize(1);
        assertThat(mobile.get("corrections").get(0).get("fromGrams").asLong()).isEqualTo(243);
        assertThat(mobile.get("corrections").get(0).get("toGrams").asLong()).isEqualTo(300);
        assertThat(mobile.get("corrections").get(0).get("reason").asString())
                .isEqualTo("valeurs réseau révisées par l'opérateur (TEST-2023-07-REV)");
    }
}
