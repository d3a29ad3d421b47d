package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Totals that cannot overflow: the intake refuses a record that would push its line-month past 10 Gbit/s both ways
 * for 31 days (6 696 000 000 000 000 bytes), exactly, across batches, files and concurrent requests.
 */
class LineMonthMaximumTest extends LedgerIntegrationTest {

    private static final long MAX = 6_696_000_000_000_000L;
    private static final long TEN_TERA = 10_000_000_000_000L;
    /** Records of 2 × 10^13 bytes that fit in one line-month: 334 (6.68 × 10^15). */
    private static final int FITTING = (int) (MAX / (2 * TEN_TERA));

    @Autowired
    JdbcTemplate db;

    @Test
    void the_overflow_feed_of_the_issue_is_refused_past_the_maximum_and_every_figure_stays_exact() throws Exception {
        StringBuilder file = new StringBuilder(FileImportClient.HEADER);
        for (int i = 0; i < 1_000; i++) {
            file.append(String.format("%s-%07d,%s,%s,MOBILE,4G,2025-06-0%d,%d,%d,false,%n", subscriber, i, subscriber,
                    id("M1"), 1 + i % 9, TEN_TERA, TEN_TERA));
        }

        JsonNode status = new FileImportClient(port).importAndWait(
                file.toString().getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("accepted").asLong()).isEqualTo(FITTING);
        assertThat(status.get("rejected").asLong()).isEqualTo(1_000 - FITTING);
        assertThat(new FileImportClient(port).rejections(status)).contains(",bytes_up,\"line " + id("M1")
                + " would carry 6700000000000000 bytes in 2025-06, beyond the physical maximum of 6696000000000000");
        JsonNode statement = statementOnceItShows("2025-06", s -> hasLine(s, id("M1"))
                && line(s, id("M1")).get("exact").get("bytes").asLong() == FITTING * 2 * TEN_TERA);
        assertThat(line(statement, id("M1")).get("dataGo").asLong()).isEqualTo(FITTING * 2 * TEN_TERA / 1_000_000_000L);

        // a later batch: 1.6 × 10^13 bytes are left, so one record of 10^13 fits and the next does not; another
        // line of the subscriber is not concerned
        JsonNode later = feed.postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(id("late1"), subscriber, id("M1"), "2025-06-20", TEN_TERA, 0, false)
                .mobile(id("late2"), subscriber, id("M1"), "2025-06-21", TEN_TERA, 0, false)
                .mobile(id("other"), subscriber, id("M2"), "2025-06-20", 1, 0, false).body()).json();
        assertThat(later.get("accepted").asInt()).isEqualTo(2);
        assertThat(later.get("rejected").get(0).get("recordId").asString()).isEqualTo(id("late2"));
        assertThat(later.get("rejected").get(0).get("field").asString()).isEqualTo("bytes_down");
        assertThat(db.queryForObject("SELECT bytes FROM usage_line_month WHERE line_id = ? AND month = ?",
                Long.class, id("M1"), "2025-06")).isEqualTo(FITTING * 2 * TEN_TERA + TEN_TERA);
    }

    @Test
    void concurrent_batches_of_one_line_month_together_take_exactly_what_fits() {
        List<CompletableFuture<JsonNode>> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            UsageFeed batch = UsageFeed.batch();
            for (int i = 0; i < 100; i++) {
                batch.mobile(id(b + "-" + i), subscriber, id("M1"), "2025-07-01", TEN_TERA, TEN_TERA, false);
            }
            batches.add(CompletableFuture.supplyAsync(() -> feed.postJson("/api/v1/usage/records", batch.body())
                    .json()));
        }
        int accepted = batches.stream().map(CompletableFuture::join).mapToInt(r -> r.get("accepted").asInt()).sum();

        assertThat(accepted).isEqualTo(FITTING);
        assertThat(db.queryForObject("SELECT sum(bytes_down + bytes_up) FROM usage_record WHERE line_id = ?",
                Long.class, id("M1"))).isEqualTo(FITTING * 2 * TEN_TERA);
    }

    @Test
    void a_replacing_record_makes_room_in_its_own_line_month() {
        UsageFeed full = UsageFeed.batch();
        for (int i = 0; i < FITTING; i++) {
            full.mobile(id("r" + i), subscriber, id("M1"), "2025-08-01", TEN_TERA, TEN_TERA, false);
        }
        assertThat(feed.postJson("/api/v1/usage/records", full.body()).json().get("accepted").asInt())
                .isEqualTo(FITTING);

        // re-rated down to 1 byte: 2 × 10^13 - 1 bytes free, enough for one more record of 10^13
        JsonNode report = feed.postJson("/api/v1/usage/records", UsageFeed.batch()
                .record(id("r0-v2"), subscriber, id("M1"), "MOBILE", "4G", "2025-08-01", 1, 0, false, id("r0"))
                .mobile(id("more"), subscriber, id("M1"), "2025-08-02", TEN_TERA, 0, false).body()).json();

        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(2);
        assertThat(db.queryForObject("SELECT bytes FROM usage_line_month WHERE line_id = ? AND month = ?",
                Long.class, id("M1"), "2025-08")).isEqualTo((FITTING - 1) * 2 * TEN_TERA + 1 + TEN_TERA);
    }

    @Test
    void a_line_month_an_older_release_let_past_a_bigint_takes_no_more_bytes_and_its_total_stays() {
        feed.postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(id("old"), subscriber, id("M1"), "2025-09-01", 1, 0, false).body());
        // what the counted-usage migration stores for a sum an older release let past the largest bigint
        db.update("UPDATE usage_line_month SET bytes = ? WHERE line_id = ? AND month = ?", Long.MAX_VALUE,
                id("M1"), "2025-09");

        JsonNode report = feed.postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(id("past"), subscriber, id("M1"), "2025-09-02", 1, 0, false)
                .mobile(id("other-month"), subscriber, id("M1"), "2025-10-02", 5, 0, false).body()).json();

        assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.get("rejected").get(0).get("recordId").asString()).isEqualTo(id("past"));
        assertThat(report.get("rejected").get(0).get("reason").asString()).contains("physical maximum");
        assertThat(db.queryForObject("SELECT bytes FROM usage_line_month WHERE line_id = ? AND month = ?",
                Long.class, id("M1"), "2025-09")).isEqualTo(Long.MAX_VALUE);
        assertThat(db.queryForObject("SELECT bytes FROM usage_line_month WHERE line_id = ? AND month = ?",
                Long.class, id("M1"), "2025-10")).isEqualTo(5L);
    }
}
