package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The month close of contract.md and what follows it: statements issued with their figures, closes that change nothing
 * the second time, late and replacing records that correct a closed statement while it keeps the figure first shown.
 */
class MonthCloseOverHttpTest extends LedgerIntegrationTest {

    @Test
    void closing_a_month_issues_each_statement_and_closing_again_changes_nothing() {
        send(UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), "2023-01-10", 12_000_000_000L, 999_999_999L, false)
                .fixed(id("r2"), subscriber, id("box"), "2023-01-11", 100_000_000_000L, 0));
        statementWithGrams("2023-01", id("mob"), 642);

        JsonNode report = close("2023-01");
        assertThat(report.get("factorSetId").asString()).isEqualTo("ADEME-2022");
        assertThat(report.get("newlyClosed").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode statement = statementOnceItShows("2023-01", s -> s.get("status").asString().equals("CLOSED"));
        assertThat(line(statement, id("mob")).get("exact").get("co2eGrams").asString()).isEqualTo("642.1999999506");
        assertThat(line(statement, id("mob")).get("dataGo").asLong()).isEqualTo(13);
        assertThat(line(statement, id("box")).get("co2eGrams").asLong()).isEqualTo(4100);
        assertThat(line(statement, id("box")).get("corrections")).isEmpty();

        JsonNode again = close("2023-01");
        assertThat(again.get("newlyClosed").asLong()).isZero();
        assertThat(again.get("alreadyClosed").asLong()).isEqualTo(again.get("ledgers").asLong());
    }

    @Test
    void late_usage_corrects_a_closed_statement_which_keeps_the_figure_first_shown() {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2023-02-03", 12_145_748_988L, 0, false));
        // 12.145748988 Go x 49.4 = 600.0000000072 g: shown 600 g
        statementWithGrams("2023-02", id("mob"), 600);
        close("2023-02");
        statementOnceItShows("2023-02", s -> s.get("status").asString().equals("CLOSED"));

        // 854 251 011 octets more: 12 999 999 999 octets in all, 642.1999999506 g, shown 642 g
        send(UsageFeed.batch().mobile(id("r2"), subscriber, id("mob"), "2023-02-27", 854_251_011L, 0, false));

        JsonNode corrected = statementWithGrams("2023-02", id("mob"), 642);
        assertThat(corrected.get("status").asString()).isEqualTo("CLOSED");
        JsonNode mobile = line(corrected, id("mob"));
        assertThat(mobile.get("exact").get("co2eGrams").asString()).isEqualTo("642.1999999506");
        assertThat(mobile.get("corrections")).hasSize(1);
        JsonNode correction = mobile.get("corrections").get(0);
        assertThat(correction.get("fromGrams").asLong()).isEqualTo(600);
        assertThat(correction.get("toGrams").asLong()).isEqualTo(642);
        assertThat(correction.get("reason").asString()).isEqualTo("consommation reçue après la clôture du mois");
        assertThat(correction.get("at").asString()).isNotBlank();
    }

    @Test
    void a_replacing_record_touching_a_closed_month_corrects_it_as_re_rated() {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2023-03-15", 10_000_000_000L, 0, true));
        statementWithGrams("2023-03", id("mob"), 494);
        close("2023-03");
        statementOnceItShows("2023-03", s -> s.get("status").asString().equals("CLOSED"));

        // the operator re-rates the day: 5 Go measured instead of 10 Go estimated
        send(UsageFeed.batch().record(id("r1-v2"), subscriber, id("mob"), "MOBILE", "4G", "2023-03-15",
                5_000_000_000L, 0, false, id("r1")));

        JsonNode mobile = line(statementWithGrams("2023-03", id("mob"), 247), id("mob"));
        assertThat(mobile.get("estimated").asBoolean()).isFalse();
        assertThat(mobile.get("dataGo").asLong()).isEqualTo(5);
        assertThat(mobile.get("corrections")).hasSize(1);
        assertThat(mobile.get("corrections").get(0).get("fromGrams").asLong()).isEqualTo(494);
        assertThat(mobile.get("corrections").get(0).get("toGrams").asLong()).isEqualTo(247);
        assertThat(mobile.get("corrections").get(0).get("reason").asString()).contains("remplacés");
    }

    @Test
    void a_subscriber_first_seen_after_the_close_gets_a_closed_statement_at_once() {
        String other = "L-before-" + subscriber;
        send(UsageFeed.batch().mobile(id("x"), other, other + "-mob", "2023-04-02", 1_000_000_000L, 0, false));
        await(() -> as("auditor", "auditor").get("/api/v1/subscribers/" + other + "/statements/2023-04").status());
        close("2023-04");

        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2023-04-20", 2_000_000_000L, 0, false));

        // shown as provisional until the late usage reaches the ledger, which closes the new ledger by itself
        JsonNode statement = statementOnceItShows("2023-04", s -> "CLOSED".equals(s.get("status").asString()));
        assertThat(line(statement, id("mob")).get("co2eGrams").asLong()).isEqualTo(99);
        assertThat(line(statement, id("mob")).get("exact").get("co2eGrams").asString()).isEqualTo("98.8");
        assertThat(line(statement, id("mob")).get("corrections")).isEmpty();
    }

    @Test
    void only_ops_close_months_and_only_months_that_are_over() {
        assertThat(feed.postJson("/api/v1/ops/months/2023-01/close", "").status()).isEqualTo(403);
        assertThat(auditor.postJson("/api/v1/ops/months/2023-01/close", "").status()).isEqualTo(403);
        assertThat(anonymous().postJson("/api/v1/ops/months/2023-01/close", "").status()).isEqualTo(401);

        ApiClient.Response current = ops.postJson("/api/v1/ops/months/2099-01/close", "");
        assertThat(current.status()).isEqualTo(400);
        assertThat(current.json().get("message").asString()).contains("not over");
        assertThat(ops.postJson("/api/v1/ops/months/2023-13/close", "").status()).isEqualTo(400);
    }

    private static void await(java.util.concurrent.Callable<Integer> status) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100)).until(status, s -> s == 200);
    }
}
