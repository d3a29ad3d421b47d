package org.footprintledger.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.RecordRejection;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.junit.jupiter.api.Test;

/** The intake's decisions on a batch, without a database: what the store would answer is given. */
class IntakeRulesTest {

    private static final UsageRecordValidator VALIDATOR = new UsageRecordValidator(
            Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));

    private final BatchOutcome outcome = new BatchOutcome();

    @Test
    void a_record_sent_twice_in_one_batch_counts_once_and_the_same_id_with_other_content_is_a_conflict() {
        Map<String, ValidationOutcome> unique = IntakeRules.uniqueValidRecords(List.of(
                submission("r1", "L1", "100"), submission("r1", "L1", "100"), submission("r1", "L1", "101"),
                submission("r2", "L1", "-5")), VALIDATOR, outcome);

        assertThat(unique).containsOnlyKeys("r1");
        IntakeReport report = outcome.report();
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.rejected()).extracting(RecordRejection::index, RecordRejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "record_id"),
                        org.assertj.core.groups.Tuple.tuple(3L, "bytes_down"));
        assertThat(report.rejected().get(0).reason()).contains("record 0 of the same batch");
    }

    @Test
    void a_line_keeps_its_subscriber_and_its_type_for_ever() {
        List<ValidationOutcome> candidates = List.of(valid(0, record("r1", "S1", "L1", LineType.MOBILE)),
                valid(1, record("r2", "S2", "L1", LineType.MOBILE)), valid(2, record("r3", "S1", "L1",
                        LineType.FIXED)));

        List<ValidationOutcome> kept = IntakeRules.onCoherentLines(candidates,
                Map.of("L1", new RegisteredLine("S1", LineType.MOBILE)), outcome);

        assertThat(kept).extracting(c -> c.record().recordId()).containsExactly("r1");
        assertThat(outcome.report().rejected()).extracting(RecordRejection::field, RecordRejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("subscriber_id", "line L1 belongs to subscriber S1"),
                        org.assertj.core.groups.Tuple.tuple("line_type", "line L1 is a MOBILE line"));
    }

    @Test
    void a_month_whose_detail_was_purged_takes_no_new_record_and_says_when() {
        Instant purgedAt = Instant.parse("2026-01-02T03:00:00Z");
        List<ValidationOutcome> kept = IntakeRules.ofRetainedMonths(List.of(
                        valid(0, record("old", "S1", "L1", LocalDate.of(2024, 11, 3), 1)),
                        valid(1, record("new", "S1", "L1", LocalDate.of(2026, 11, 3), 1))),
                Map.of(YearMonth.of(2024, 11), purgedAt), outcome);

        assertThat(kept).extracting(c -> c.record().recordId()).containsExactly("new");
        assertThat(outcome.report().rejected().get(0).reason())
                .isEqualTo("the records of 2024-11 were purged by the retention rule on 2026-01-02T03:00:00Z; "
                        + "that month takes no new record");
    }

    @Test
    void a_re_rated_record_replaces_only_a_known_record_of_its_own_line() {
        UsageRecord target = record("r1", "S1", "L1", LineType.MOBILE);
        UsageRecord rerated = new UsageRecord("r1-v2", "S1", "L1", LineType.MOBILE, Technology.MOBILE_4G,
                target.usageDate(), 7, 0, false, "r1");
        UsageRecord otherLine = new UsageRecord("r1", "S1", "L2", LineType.MOBILE, null, target.usageDate(), 1, 0,
                false, null);

        assertThat(IntakeRules.replacementProblem(rerated, target)).isNull();
        assertThat(IntakeRules.replacementProblem(rerated, null))
                .isEqualTo("record r1 is unknown: send it before its replacement");
        assertThat(IntakeRules.replacementProblem(rerated, otherLine)).isEqualTo("record r1 is on line L2, not L1");
    }

    @Test
    void an_id_already_stored_is_a_duplicate_with_the_same_content_and_a_conflict_with_another() {
        UsageRecord stored = record("r1", "S1", "L1", LineType.MOBILE);
        UsageRecord changed = new UsageRecord("r1", "S1", "L1", LineType.MOBILE, stored.technology(),
                stored.usageDate(), stored.bytesDown() + 1, stored.bytesUp(), false, null);

        IntakeRules.classifyAlreadyStored(List.of(valid(0, stored), valid(1, changed)),
                Map.of("r1", List.of(stored)), outcome);

        assertThat(outcome.report().duplicates()).isEqualTo(1);
        assertThat(outcome.report().rejected()).extracting(RecordRejection::index).containsExactly(1L);
    }

    @Test
    void of_an_id_stored_in_two_months_apart_the_latest_is_the_one_replaced() {
        UsageRecord january = record("r1", "S1", "L1", LocalDate.of(2026, 1, 15), 1);
        UsageRecord june = record("r1", "S1", "L1", LocalDate.of(2026, 6, 15), 2);

        assertThat(IntakeRules.latestOf(Map.of("r1", List.of(january, june)))).containsEntry("r1", june);
        assertThat(IntakeRules.monthsAround(List.of(june)))
                .containsExactly(YearMonth.of(2026, 5), YearMonth.of(2026, 6), YearMonth.of(2026, 7));
    }

    @Test
    void a_line_month_takes_records_up_to_the_physical_maximum_and_a_replacement_frees_its_own_line_month_only() {
        LineMonth november = new LineMonth("L1", YearMonth.of(2026, 11));
        Map<LineMonth, Long> locked = new HashMap<>(Map.of(november, LineMonthBudget.MAX_BYTES - 10));
        LineMonthBudget budget = new LineMonthBudget(locked);
        UsageRecord tenBytes = record("a", "S1", "L1", LocalDate.of(2026, 11, 2), 10);
        UsageRecord elevenBytes = record("b", "S1", "L1", LocalDate.of(2026, 11, 3), 11);
        UsageRecord octoberTarget = record("c", "S1", "L1", LocalDate.of(2026, 10, 31), 5);
        UsageRecord novemberTarget = record("d", "S1", "L1", LocalDate.of(2026, 11, 1), 5);

        assertThat(budget.fits(tenBytes, null)).isTrue();
        assertThat(budget.fits(elevenBytes, null)).isFalse();
        assertThat(budget.fits(elevenBytes, octoberTarget)).isFalse();
        assertThat(budget.fits(elevenBytes, novemberTarget)).isTrue();
        assertThat(budget.reason(elevenBytes, null)).isEqualTo("line L1 would carry 6696000000000001 bytes in 2026-11, "
                + "beyond the physical maximum of 6696000000000000 bytes a line-month (10 Gbit/s both ways for 31 days)");
        budget.add(tenBytes);
        assertThat(budget.fits(record("e", "S1", "L1", LocalDate.of(2026, 11, 4), 1), null)).isFalse();
    }

    @Test
    void a_batch_gives_one_fact_per_line_month_a_replaced_record_counting_out_of_its_own() {
        LedgerFacts facts = new LedgerFacts();
        UsageRecord target = record("t", "S1", "L1", LocalDate.of(2026, 10, 31), 100);
        facts.add(record("a", "S1", "L1", LocalDate.of(2026, 11, 2), 10));
        facts.add(record("b", "S1", "L1", LocalDate.of(2026, 11, 3), 20));
        facts.subtract(target);
        facts.add(new UsageRecord("t2", "S1", "L1", LineType.MOBILE, null, target.usageDate(), 1, 0, false, "t"));

        assertThat(facts.toFacts()).extracting(f -> f.month().toString(), f -> f.bytesDelta(),
                        f -> f.recordsDelta())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-10", -99L, 0L),
                        org.assertj.core.groups.Tuple.tuple("2026-11", 30L, 2L));
    }

    private static UsageRecordSubmission submission(String recordId, String lineId, String bytesDown) {
        return new UsageRecordSubmission(recordId, "S1", lineId, "MOBILE", "4G", "2026-11-02", bytesDown, "0",
                "false", null);
    }

    private static ValidationOutcome valid(long index, UsageRecord record) {
        return ValidationOutcome.valid(index, record);
    }

    private static UsageRecord record(String recordId, String subscriberId, String lineId, LineType lineType) {
        return new UsageRecord(recordId, subscriberId, lineId, lineType, null, LocalDate.of(2026, 11, 2), 100, 0,
                false, null);
    }

    private static UsageRecord record(String recordId, String subscriberId, String lineId, LocalDate date,
                                      long bytes) {
        return new UsageRecord(recordId, subscriberId, lineId, LineType.MOBILE, Technology.MOBILE_4G, date, bytes,
                0, false, null);
    }
}
