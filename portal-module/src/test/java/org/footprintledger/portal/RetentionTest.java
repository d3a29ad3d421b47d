package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.footprintledger.usage.api.UsageRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Retention: the raw records of a month past the period are dropped with their partition, while the month's ledger,
 * statement, corrections, checksums and integrity stay as they were, and the explanation says the daily detail was
 * purged, when and by which rule. The test context keeps every month from 2023 on, so 2022 is this test's own.
 * Import rejections (raw rows) have their own period (P3M by default).
 */
class RetentionTest extends LedgerIntegrationTest {

    private static final String MONTH = "2022-03";

    @Autowired
    UsageRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    private JsonNode get(String path) {
        ApiClient.Response response = auditor.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void a_purged_month_keeps_its_statement_checksum_and_integrity_and_its_explanation_says_purged() {
        send(UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), "2022-03-01", 4_000_000_000L, 999_999_999L, false)
                .mobile(id("r2"), subscriber, id("mob"), "2022-03-02", 1_000_000_000L, 0, true)
                .fixed(id("r3"), subscriber, id("box"), "2022-03-03", 5, 5));
        statementOnceItShows(MONTH, s -> hasLine(s, id("mob")) && hasLine(s, id("box")));
        close(MONTH);
        // a late record after the close: a correction, which must survive the purge too
        send(UsageFeed.batch().mobile(id("late"), subscriber, id("mob"), "2022-03-20", 7_000_000_000L, 0, false));
        JsonNode statement = statementOnceItShows(MONTH,
                s -> line(s, id("mob")).get("corrections").size() == 1);
        JsonNode explained = get(statementPath(MONTH) + "/explanation");
        assertThat(explained.get("usageDetailPurged").isNull()).isTrue();
        assertThat(explained.get("lines").get(0).get("usageByDay")).isNotEmpty();
        JsonNode integrity = get("/api/v1/audit/integrity");
        double droppedBefore = meters.counter("usage.retention.partitions.dropped").count();

        UsageRetention.Outcome outcome = retention.purgeExpired();

        assertThat(outcome.monthsDropped()).contains(YearMonth.parse(MONTH));
        assertThat(outcome.monthsDropped()).allMatch(month -> month.isBefore(YearMonth.of(2023, 1)));
        assertThat(jdbc.queryForObject("SELECT to_regclass('usage_record_p2022_03') IS NULL", Boolean.class)).isTrue();
        assertThat(meters.counter("usage.retention.partitions.dropped").count())
                .isEqualTo(droppedBefore + outcome.monthsDropped().size());
        // the run as the ops board shows it: when, and the months it dropped
        UsageRetention.Run run = retention.recentRuns(1).get(0);
        assertThat(run.monthsDropped()).isEqualTo(outcome.monthsDropped());
        assertThat(run.firstKeptMonth()).isEqualTo(YearMonth.of(2023, 1));
        assertThat(new ApiClient(port, "ops", "ops").get("/api/v1/ops/board").json().get("retentionRuns").get(0)
                .get("monthsDropped").toString()).contains(MONTH);

        assertThat(get(statementPath(MONTH))).isEqualTo(statement);
        assertThat(get("/api/v1/audit/integrity")).isEqualTo(integrity);
        JsonNode purged = get(statementPath(MONTH) + "/explanation");
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        assertThat(purged.get("usageDetailPurged").get("purgedOn").asString()).isEqualTo(today);
        assertThat(purged.get("usageDetailPurged").get("notice").asString())
                .startsWith("le détail quotidien a été supprimé le ").contains("par la règle de conservation");
        for (int i = 0; i < explained.get("lines").size(); i++) {
            JsonNode before = explained.get("lines").get(i);
            JsonNode after = purged.get("lines").get(i);
            assertThat(after.get("ledger")).as("totals, factor, formula, checksum").isEqualTo(before.get("ledger"));
            assertThat(after.get("ledger").get("formula").asString()).isNotBlank();
            assertThat(after.get("usageByDay")).isEmpty();
            assertThat(after.get("usageMatchesLedger").isNull()).isTrue();
        }

        ApiClient.Response lateAgain = feed.postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(id("after-purge"), subscriber, id("mob"), "2022-03-21", 1, 0, false).body());
        assertThat(lateAgain.json().get("accepted").asLong()).isZero();
        JsonNode rejection = lateAgain.json().get("rejected").get(0);
        assertThat(rejection.get("field").asString()).isEqualTo("usage_date");
        assertThat(rejection.get("reason").asString()).contains("purged by the retention rule");
        assertThat(retention.purgeExpired().monthsDropped()).as("nothing left to drop").isEmpty();
    }

    @Test
    void the_rejected_rows_of_an_import_are_deleted_after_their_own_period_and_the_download_says_so() {
        String file = UsageRecordSubmission.CSV_HEADER + "\n"
                + id("ok") + "," + subscriber + "," + id("mob") + ",MOBILE,4G,2024-02-01,1,0,false,\n"
                + id("bad") + "," + subscriber + "," + id("mob") + ",MOBILE,4G,2024-02-02,-1,0,false,\n";
        String importId = feed.postCsv("/api/v1/usage/imports", file).json().get("importId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.get("/api/v1/usage/imports/" + importId).json()
                .get("status").asString(), "COMPLETED"::equals);
        String path = "/api/v1/usage/imports/" + importId + "/rejections";
        assertThat(feed.get(path).body()).contains(id("bad"));

        retention.purgeExpired();
        assertThat(feed.get(path).status()).as("a recent import keeps its rejections").isEqualTo(200);

        jdbc.update("UPDATE usage_import SET started_at = now() - interval '3 months 1 day' WHERE import_id = ?",
                importId);
        UsageRetention.Outcome outcome = retention.purgeExpired();

        assertThat(outcome.importRejectionsDeleted()).isEqualTo(1);
        ApiClient.Response gone = feed.get(path);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("deleted on", "retention rule");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_import_rejection WHERE import_id = ?", Long.class,
                importId)).isZero();
        JsonNode status = feed.get("/api/v1/usage/imports/" + importId).json();
        assertThat(status.get("rejected").asLong()).as("the counters stay").isEqualTo(1);
        assertThat(status.get("accepted").asLong()).isEqualTo(1);
    }
}
