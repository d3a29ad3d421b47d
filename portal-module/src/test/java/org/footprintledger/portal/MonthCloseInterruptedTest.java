package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * A month close interrupted by a database failure answers what it closed, counted by the pages that committed, and
 * the next scheduled round finishes it whatever the day (pages of 5 line-months, one worker:
 * SmallLimitsIntegrationTest); a ledger whose counted usage contradicts itself stops no other.
 */
class MonthCloseInterruptedTest extends SmallLimitsIntegrationTest {

    private static final String MONTH = "2022-06";

    @Autowired
    JdbcTemplate db;
    @Autowired
    ScheduledTaskHolder scheduledTasks;
    @Autowired
    SubscriberKeys keys;

    @AfterEach
    void dropTheFailure() {
        db.execute("DROP TRIGGER IF EXISTS fail_one_close ON domain_event_entry");
    }

    @Test
    void an_interrupted_close_says_how_many_ledgers_it_closed_and_the_next_scheduled_round_finishes_it() {
        String prefix = "C" + UUID.randomUUID().toString().substring(0, 8);
        UsageFeed batch = UsageFeed.batch();
        for (int i = 0; i < 25; i++) {
            String subscriber = String.format("%s-%02d", prefix, i);
            batch.mobile(subscriber + "-r", subscriber, subscriber + "-M1", MONTH + "-10", 1_000_000_000L, 0, false);
        }
        ApiClient ops = new ApiClient(port, "ops", "ops");
        assertThat(new ApiClient(port, "feed", "feed").postJson("/api/v1/usage/records", batch.body()).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "SELECT count(DISTINCT subscriber_id) FROM usage_line_month WHERE month = ?", Long.class, MONTH) == 25);
        // the database fails the statement of the 13th ledger, in the third page
        db.execute("CREATE OR REPLACE FUNCTION fail_one_close() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION USING ERRCODE = '57P01', MESSAGE = 'terminating connection due to administrator "
                + "command'; END $$");
        // the 13th subscriber's key, made now: the close finds it and names the stream by it
        String thirteenth = keys.keysOf(java.util.List.of(prefix + "-12")).get(prefix + "-12");
        db.execute("CREATE TRIGGER fail_one_close BEFORE INSERT ON domain_event_entry FOR EACH ROW "
                + "WHEN (NEW.aggregate_identifier = '" + thirteenth + "/" + MONTH + "' "
                + "AND NEW.payload_type LIKE '%StatementIssuedEvent') EXECUTE FUNCTION fail_one_close()");

        ApiClient.Response interrupted = ops.postJson("/api/v1/ops/months/" + MONTH + "/close", "");

        assertThat(interrupted.status()).isEqualTo(503);
        String message = interrupted.json().get("message").asString();
        Matcher closed = Pattern.compile("closed (\\d+) of 25 ledgers; run the close again to finish").matcher(message);
        assertThat(closed.find()).as(message).isTrue();
        assertThat(Long.parseLong(closed.group(1))).as("the sentence tells what is stored")
                .isEqualTo(statementsIssued()).isEqualTo(20);
        assertThat(db.queryForObject("SELECT count(*) FROM ledger_month_close WHERE month = ? "
                + "AND completed_at IS NULL", Long.class, MONTH)).as("recorded as in progress").isEqualTo(1);

        dropTheFailure();
        scheduledTasks.getScheduledTasks().stream()
                .filter(task -> task.toString().contains("MonthCloseSchedule.finishInterruptedCloses"))
                .findFirst().orElseThrow().getTask().getRunnable().run();

        assertThat(statementsIssued()).as("every ledger closed, none twice").isEqualTo(25);
        assertThat(db.queryForObject("SELECT ledgers FROM ledger_month_close WHERE month = ? "
                + "AND completed_at IS NOT NULL", Long.class, MONTH)).isEqualTo(25);
    }

    @Test
    void a_ledger_whose_counted_usage_contradicts_itself_is_left_out_named_and_the_others_are_closed() {
        String month = "2022-07";
        String prefix = "N" + UUID.randomUUID().toString().substring(0, 8);
        UsageFeed batch = UsageFeed.batch();
        for (int i = 0; i < 12; i++) {
            String subscriber = String.format("%s-%02d", prefix, i);
            batch.mobile(subscriber + "-r", subscriber, subscriber + "-M1", month + "-10", 1_000_000_000L, 0, false);
        }
        assertThat(new ApiClient(port, "feed", "feed").postJson("/api/v1/usage/records", batch.body()).status())
                .isEqualTo(200);
        // a write outside the product: more late usage waiting for one line than its month counts
        db.update("INSERT INTO usage_ledger_fact (subscriber_id, month, line_id, line_type, bytes_delta, "
                + "records_delta, estimated_delta, batch_id) VALUES (?, ?, ?, 'MOBILE', 3000000000, 1, 0, 'manual')",
                prefix + "-07", month, prefix + "-07-M1");
        ApiClient ops = new ApiClient(port, "ops", "ops");
        try {
            ApiClient.Response interrupted = ops.postJson("/api/v1/ops/months/" + month + "/close", "");

            assertThat(interrupted.status()).isEqualTo(503);
            assertThat(interrupted.json().get("message").asString()).contains("1 ledger(s) left out",
                    "subscriber " + prefix + "-07 in " + month, "line " + prefix + "-07-M1", "closed 11 of 12 ledgers");
            assertThat(statementsIssued(month)).as("every other ledger closed").isEqualTo(11);

            db.update("DELETE FROM usage_ledger_fact WHERE batch_id = 'manual'");
            assertThat(ops.postJson("/api/v1/ops/months/" + month + "/close", "").status()).isEqualTo(200);
            assertThat(statementsIssued(month)).as("the one left out closed once repaired, none twice").isEqualTo(12);
        } finally {
            db.update("DELETE FROM usage_ledger_fact WHERE batch_id = 'manual'");
        }
    }

    private long statementsIssued() {
        return statementsIssued(MONTH);
    }

    private long statementsIssued(String month) {
        return db.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ? "
                + "AND payload_type LIKE '%StatementIssuedEvent'", Long.class, "%/" + month);
    }
}
