package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One usage record all the way to the customer's statement: the feed posts records over HTTP, the ledger accrues
 * them, the statement endpoint returns figures that match hand-computed values to the gram and to the octet.
 */
class StatementsOverHttpTest extends LedgerIntegrationTest {

    /** Posts a batch and answers the feed's report (rejections are part of what some tests check). */
    private JsonNode post(UsageFeed batch) {
        ApiClient.Response response = feed.postJson("/api/v1/usage/records", batch.body());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void mobile_and_fixed_records_become_the_four_legal_items_of_the_month() {
        JsonNode report = post(UsageFeed.batch()
                // mobile: 6 000 000 000 + 999 999 999 + 6 000 000 000 + 0 = 12 999 999 999 octets
                .mobile(id("r1"), subscriber, id("mob"), "2025-03-01", 6_000_000_000L, 999_999_999L, false)
                .mobile(id("r2"), subscriber, id("mob"), "2025-03-02", 6_000_000_000L, 0, false)
                // a second mobile line, one estimated record of exactly 1.5 Go
                .mobile(id("r3"), subscriber, id("mob2"), "2025-03-05", 1_000_000_000L, 500_000_000L, true)
                // fixed: 350 Go over the month, flat 4 100 g
                .fixed(id("r4"), subscriber, id("box"), "2025-03-01", 90_000_000_000L, 10_000_000_000L)
                .fixed(id("r5"), subscriber, id("box"), "2025-03-31", 240_000_000_000L, 10_000_000_000L)
                // April is another statement
                .fixed(id("r6"), subscriber, id("box"), "2025-04-01", 1, 0));
        assertThat(report.get("accepted").asInt()).isEqualTo(6);
        assertThat(report.get("duplicates").asInt()).isZero();
        assertThat(report.get("rejected")).isEmpty();

        JsonNode march = statementOnceItShows("2025-03", s -> s.get("lines").size() == 3);
        assertThat(march.get("subscriberId").asString()).isEqualTo(subscriber);
        assertThat(march.get("month").asString()).isEqualTo("2025-03");
        assertThat(march.get("status").asString()).isEqualTo("OPEN");

        JsonNode mobile = line(march, id("mob"));
        assertThat(mobile.get("lineType").asString()).isEqualTo("MOBILE");
        assertThat(mobile.get("label").asString()).isEqualTo("internet mobile");
        assertThat(mobile.get("exact").get("bytes").asLong()).isEqualTo(12_999_999_999L);
        assertThat(mobile.get("exact").get("co2eGrams").asString()).isEqualTo("642.1999999506");
        assertThat(mobile.get("dataGo").asLong()).isEqualTo(13);
        assertThat(mobile.get("co2eGrams").asLong()).isEqualTo(642);
        assertThat(mobile.get("estimated").asBoolean()).isFalse();
        assertThat(mobile.get("factorSetId").asString()).isEqualTo("ADEME-2022");
        assertThat(mobile.get("methodSummary").asString()).contains("49,4 g éqCO2 par Go");
        assertThat(mobile.get("corrections")).isEmpty();

        JsonNode estimatedMobile = line(march, id("mob2"));
        assertThat(estimatedMobile.get("exact").get("bytes").asLong()).isEqualTo(1_500_000_000L);
        assertThat(estimatedMobile.get("exact").get("co2eGrams").asString()).isEqualTo("74.1");
        assertThat(estimatedMobile.get("dataGo").asLong()).isEqualTo(2);
        assertThat(estimatedMobile.get("co2eGrams").asLong()).isEqualTo(74);
        assertThat(estimatedMobile.get("estimated").asBoolean()).isTrue();

        JsonNode fixed = line(march, id("box"));
        assertThat(fixed.get("label").asString()).isEqualTo("internet fixe");
        assertThat(fixed.get("exact").get("bytes").asLong()).isEqualTo(350_000_000_000L);
        assertThat(fixed.get("dataGo").asLong()).isEqualTo(350);
        assertThat(fixed.get("co2eGrams").asLong()).isEqualTo(4100);
        assertThat(fixed.get("exact").get("co2eGrams").asString()).isEqualTo("4100");

        JsonNode april = statementOnceItShows("2025-04", s -> true);
        assertThat(line(april, id("box")).get("exact").get("bytes").asLong()).isEqualTo(1);
        assertThat(line(april, id("box")).get("co2eGrams").asLong()).isEqualTo(4100);
        assertThat(line(april, id("box")).get("dataGo").asLong()).isZero();

        ApiClient.Response range = auditor.get("/api/v1/subscribers/" + subscriber
                + "/statements?from=2025-01&to=2025-12");
        assertThat(range.status()).isEqualTo(200);
        assertThat(range.json()).hasSize(2);
        assertThat(range.json().get(0).get("month").asString()).isEqualTo("2025-03");
        assertThat(range.json().get(1).get("month").asString()).isEqualTo("2025-04");
    }

    @Test
    void a_record_sent_twice_counts_once_and_a_conflicting_one_is_rejected() {
        UsageFeed batch = UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), "2025-05-01", 1_000_000_000L, 0, false)
                .mobile(id("r2"), subscriber, id("mob"), "2025-05-02", 2_000_000_000L, 0, false);
        post(batch);
        JsonNode again = post(batch
                .mobile(id("r1"), subscriber, id("mob"), "2025-05-01", 1_000_000_000L, 0, false));
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);

        JsonNode conflict = post(UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), "2025-05-01", 9_000_000_000L, 0, false)
                .mobile(id("r3"), subscriber, id("mob"), "2025-05-03", 4_000_000_000L, 0, false));
        assertThat(conflict.get("accepted").asInt()).isEqualTo(1);
        assertThat(conflict.get("rejected")).hasSize(1);
        assertThat(conflict.get("rejected").get(0).get("index").asInt()).isZero();
        assertThat(conflict.get("rejected").get(0).get("field").asString()).isEqualTo("record_id");

        JsonNode may = statementOnceItShows("2025-05",
                s -> line(s, id("mob")).get("exact").get("bytes").asLong() == 7_000_000_000L);
        assertThat(line(may, id("mob")).get("exact").get("co2eGrams").asString()).isEqualTo("345.8");
    }

    @Test
    void a_replacing_record_supersedes_the_one_it_replaces() {
        post(UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), "2025-06-01", 3_000_000_000L, 0, true)
                .mobile(id("r2"), subscriber, id("mob"), "2025-06-02", 1_000_000_000L, 0, false));
        JsonNode rerated = post(UsageFeed.batch()
                .record(id("r1b"), subscriber, id("mob"), "MOBILE", "4G", "2025-06-01", 2_000_000_000L, 0, false,
                        id("r1"))
                .record(id("r9"), subscriber, id("mob"), "MOBILE", "4G", "2025-06-03", 1, 0, false, id("unknown")));
        assertThat(rerated.get("accepted").asInt()).isEqualTo(1);
        assertThat(rerated.get("rejected").get(0).get("field").asString()).isEqualTo("replaces");

        JsonNode june = statementOnceItShows("2025-06",
                s -> line(s, id("mob")).get("exact").get("bytes").asLong() == 3_000_000_000L);
        JsonNode mobile = line(june, id("mob"));
        assertThat(mobile.get("estimated").asBoolean()).as("the estimated record was replaced").isFalse();
        assertThat(mobile.get("exact").get("co2eGrams").asString()).isEqualTo("148.2");

        JsonNode replacedTwice = post(UsageFeed.batch()
                .record(id("r1c"), subscriber, id("mob"), "MOBILE", "4G", "2025-06-01", 5, 0, false, id("r1")));
        assertThat(replacedTwice.get("rejected").get(0).get("reason").asString()).contains("already replaced");
    }

    /** A batch marks its replacements at once: the first record replacing a target wins it, in the batch's order. */
    @Test
    void two_records_of_one_batch_replacing_one_record_the_first_supersedes_it() {
        post(UsageFeed.batch().mobile(id("t1"), subscriber, id("mob"), "2025-11-10", 4_000_000_000L, 0, false));
        JsonNode report = post(UsageFeed.batch()
                .mobile(id("other"), subscriber, id("mob"), "2025-11-11", 1_000_000_000L, 0, false)
                .record(id("t1b"), subscriber, id("mob"), "MOBILE", "4G", "2025-11-10", 2_000_000_000L, 0, false,
                        id("t1"))
                .record(id("t1c"), subscriber, id("mob"), "MOBILE", "4G", "2025-11-10", 7, 0, false, id("t1")));
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("rejected")).hasSize(1);
        JsonNode refused = report.get("rejected").get(0);
        assertThat(refused.get("index").asInt()).isEqualTo(2);
        assertThat(refused.get("recordId").asString()).isEqualTo(id("t1c"));
        assertThat(refused.get("field").asString()).isEqualTo("replaces");
        assertThat(refused.get("reason").asString()).isEqualTo("record " + id("t1") + " is already replaced by "
                + id("t1b"));

        // 1 000 000 000 + 2 000 000 000 octets: t1 replaced by t1b, t1c not counted
        JsonNode november = statementOnceItShows("2025-11",
                s -> line(s, id("mob")).get("exact").get("bytes").asLong() == 3_000_000_000L);
        assertThat(line(november, id("mob")).get("exact").get("co2eGrams").asString()).isEqualTo("148.2");
    }

    @Test
    void a_line_keeps_its_subscriber_and_its_type() {
        post(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2025-07-01", 10, 0, false));
        JsonNode report = post(UsageFeed.batch()
                .mobile(id("r2"), "someone-else", id("mob"), "2025-07-02", 10, 0, false)
                .fixed(id("r3"), subscriber, id("mob"), "2025-07-02", 10, 0)
                .mobile(id("r4"), subscriber, id("mob"), "2025-07-03", 10, 0, false));
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("rejected")).hasSize(2);
        assertThat(report.get("rejected").get(0).get("field").asString()).isEqualTo("subscriber_id");
        assertThat(report.get("rejected").get(1).get("field").asString()).isEqualTo("line_type");
        assertThat(report.get("rejected").get(1).get("index").asInt()).isEqualTo(1);
    }

    @Test
    void a_month_without_usage_is_not_found() {
        post(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2025-08-01", 10, 0, false));
        statementOnceItShows("2025-08", s -> true);

        assertThat(auditor.get("/api/v1/subscribers/" + subscriber + "/statements/2025-09").status())
                .isEqualTo(404);
        assertThat(auditor.get("/api/v1/subscribers/nobody-at-all/statements/2025-08").status()).isEqualTo(404);
        assertThat(auditor.get("/api/v1/subscribers/" + subscriber + "/statements/2025-13").status())
                .isEqualTo(400);
    }
}
