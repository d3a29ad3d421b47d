package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records live in monthly partitions, and a record id stays unique within its month and across a month boundary by
 * up to a week: the same id again is a duplicate, with another day of the month or re-dated across the boundary a
 * conflict, also when two batches send it at the same instant with dates on either side.
 */
class RecordIdAcrossMonthsTest extends PortalIntegrationTest {

    @Autowired
    UsageIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final String s = "x-" + UUID.randomUUID().toString().substring(0, 8);

    private UsageRecordSubmission record(String id, String date, long bytes) {
        return new UsageRecordSubmission(id, s, s + "-mob", "MOBILE", "4G", date, Long.toString(bytes), "0", "false",
                "");
    }

    @Test
    void an_id_sent_again_is_a_duplicate_and_with_another_date_a_conflict_in_its_month_or_another() {
        assertThat(intake.submit(List.of(record(s + "-1", "2024-05-30", 100))).accepted()).isEqualTo(1);

        IntakeReport again = intake.submit(List.of(record(s + "-1", "2024-05-30", 100),
                record(s + "-1", "2024-05-11", 100)));
        IntakeReport otherMonth = intake.submit(List.of(record(s + "-1", "2024-06-06", 100)));

        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.rejected()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("record_id"));
        assertThat(otherMonth.accepted()).isZero();
        assertThat(otherMonth.rejected()).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("record_id");
            assertThat(r.reason()).contains("conflicts with a record received earlier");
        });
        assertThat(jdbc.queryForList("SELECT tableoid::regclass::text FROM usage_record WHERE record_id = ?",
                String.class, s + "-1")).containsExactly("usage_record_p2024_05");
    }

    @Test
    void outside_the_weeks_around_a_month_boundary_the_same_id_in_another_month_is_another_record() {
        assertThat(intake.submit(List.of(record(s + "-far", "2024-05-03", 100))).accepted()).isEqualTo(1);
        assertThat(intake.submit(List.of(record(s + "-far", "2024-04-26", 100))).rejected())
                .as("a week before the boundary it crosses").hasSize(1);
        assertThat(intake.submit(List.of(record(s + "-far", "2024-04-23", 100))).accepted())
                .as("the documented scope: outside the boundary weeks, another record").isEqualTo(1);

        IntakeReport bothAgain = intake.submit(List.of(record(s + "-far", "2024-05-03", 100)));
        IntakeReport aprilAgain = intake.submit(List.of(record(s + "-far", "2024-04-23", 100)));
        IntakeReport twoMonthsLater = intake.submit(List.of(record(s + "-far", "2024-06-01", 100)));

        assertThat(bothAgain.duplicates()).as("each of the two records sent again is a duplicate").isEqualTo(1);
        assertThat(aprilAgain.duplicates()).isEqualTo(1);
        assertThat(twoMonthsLater.accepted()).isEqualTo(1);
    }

    @Test
    void two_batches_sending_one_id_at_once_in_two_months_store_it_once() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String id = s + "-race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                Future<IntakeReport> may = threads.submit(() -> {
                    start.await();
                    return intake.submit(List.of(record(id, "2024-05-31", 1), record(id + "-m", "2024-05-30", 1)));
                });
                Future<IntakeReport> june = threads.submit(() -> {
                    start.await();
                    return intake.submit(List.of(record(id, "2024-06-01", 2), record(id + "-j", "2024-06-02", 2)));
                });
                start.countDown();
                IntakeReport first = may.get();
                IntakeReport second = june.get();

                assertThat(first.accepted() + second.accepted()).as("round " + round).isEqualTo(3);
                assertThat(first.rejected().size() + second.rejected().size()).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_record WHERE record_id = ?", Long.class,
                        id)).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }
    @Test
    void a_batch_of_new_records_beside_stored_ones_keeps_the_new_and_names_the_stored() {
        String p = s + "-mixed-";
        assertThat(intake.submit(List.of(record(p + "stored", "2024-09-15", 10),
                record(p + "before-boundary", "2024-09-29", 20))).accepted()).isEqualTo(2);
        double fallbacksBefore = copyFallbacks();

        IntakeReport mixed = intake.submit(List.of(record(p + "new-1", "2024-09-14", 1),
                record(p + "stored", "2024-09-15", 10), record(p + "new-2", "2024-09-16", 2),
                record(p + "before-boundary", "2024-10-02", 20), record(p + "new-3", "2024-10-03", 3)));

        assertThat(mixed.accepted()).isEqualTo(3);
        assertThat(mixed.duplicates()).as("the record sent again").isEqualTo(1);
        assertThat(mixed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.recordId()).isEqualTo(p + "before-boundary");
            assertThat(r.reason()).contains("conflicts with a record received earlier");
        });
        assertThat(copyFallbacks() - fallbacksBefore).as("the stored id sent the batch the arbitrated way")
                .isEqualTo(1.0);
        assertThat(jdbc.queryForList("SELECT record_id FROM usage_record WHERE record_id LIKE ? ORDER BY 1",
                String.class, p + "%")).containsExactly(p + "before-boundary", p + "new-1", p + "new-2",
                p + "new-3", p + "stored");
        assertThat(jdbc.queryForList("SELECT bytes FROM usage_line_month WHERE line_id = ? AND month IN "
                + "('2024-09', '2024-10') ORDER BY month", Long.class, s + "-mob")).containsExactly(33L, 3L);
    }

    private double copyFallbacks() {
        return meters.counter("usage.intake.copy.fallbacks").count();
    }

    @Test
    void two_batches_sending_the_same_records_at_once_in_one_month_store_and_count_each_once() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String prefix = s + "-same-" + round + "-";
                // mid-month days: neither batch probes a neighbouring month, so neither locks the partition first
                List<UsageRecordSubmission> batch = java.util.stream.IntStream.range(0, 300)
                        .mapToObj(i -> record(prefix + i, "2024-08-1" + (i % 10), 1_000 + i)).toList();
                CountDownLatch start = new CountDownLatch(1);
                Future<IntakeReport> one = threads.submit(() -> {
                    start.await();
                    return intake.submit(batch);
                });
                Future<IntakeReport> other = threads.submit(() -> {
                    start.await();
                    List<UsageRecordSubmission> reversed = new java.util.ArrayList<>(batch);
                    java.util.Collections.reverse(reversed);
                    return intake.submit(reversed);
                });
                start.countDown();
                IntakeReport first = one.get();
                IntakeReport second = other.get();

                assertThat(first.accepted() + second.accepted()).as("round " + round).isEqualTo(300);
                assertThat(first.duplicates() + second.duplicates()).isEqualTo(300);
                assertThat(first.rejected()).isEmpty();
                assertThat(second.rejected()).isEmpty();
                assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_record WHERE record_id LIKE ?", Long.class,
                        prefix + "%")).isEqualTo(300);
            }
            assertThat(jdbc.queryForObject("SELECT bytes FROM usage_line_month WHERE line_id = ? AND month = "
                    + "'2024-08'", Long.class, s + "-mob"))
                    .as("each record counted once").isEqualTo(10 * (300 * 1_000L + 299 * 300 / 2));
        } finally {
            threads.shutdownNow();
        }
    }
}
