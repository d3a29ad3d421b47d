package org.footprintledger.portal.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.footprintledger.footprint.api.EventProcessors;
import org.footprintledger.footprint.api.MonthCloses.MonthCloseState;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.ParkedLedger;
import org.footprintledger.usage.api.UsageRetention;
import org.junit.jupiter.api.Test;

/** What the board puts at the top: each kind of trouble once per thing in trouble, and nothing when all is well. */
class OpsBoardTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final UsageRetention.Run RECENT_RUN = new UsageRetention.Run(NOW.minus(Duration.ofHours(5)),
            YearMonth.of(2025, 12), List.of(), 0);
    private static final Instant UP_A_WEEK = NOW.minus(Duration.ofDays(7));

    @Test
    void a_healthy_system_needs_no_attention() {
        OpsBoard board = OpsBoard.of(NOW, UP_A_WEEK, List.of(new ImportStatus("i1", "COMPLETED", 3, 3, 0, 0, null, 0)),
                List.of(), List.of(close("2026-10", NOW.minusSeconds(60), NOW)),
                List.of(segment("node-a", 10)), List.of(), List.of(RECENT_RUN), 0);

        assertThat(board.attention()).isEmpty();
    }

    @Test
    void each_trouble_is_named_with_what_it_is_about() {
        OpsBoard board = OpsBoard.of(NOW, UP_A_WEEK,
                List.of(new ImportStatus("i2", "FAILED", 3, 1, 0, 0, "truncated gzip", 0),
                        new ImportStatus("i3", "RUNNING", 3, 1, 0, 0, null, 0)),
                List.of(new ParkedLedger("s1/2026-10", "s1", "2026-10", "conflict", NOW, NOW, 1, 2)),
                List.of(close("2026-09", NOW.minus(Duration.ofMinutes(30)), null),
                        close("2026-08", NOW.minus(Duration.ofMinutes(2)), null)),
                List.of(segment(null, 0), segment("node-b", 5000)),
                List.of(new EventProcessors.DeadLetters("ledger", 3, "IllegalStateException: boom")),
                List.of(new UsageRetention.Run(NOW.minus(Duration.ofDays(3)), YearMonth.of(2025, 12), List.of(), 0)), 0);

        assertThat(board.attention()).extracting(OpsBoard.Attention::code, OpsBoard.Attention::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("deadLetters", "ledger (3)"),
                        org.assertj.core.groups.Tuple.tuple("parked", "s1/2026-10"),
                        org.assertj.core.groups.Tuple.tuple("importFailed", "i2"),
                        org.assertj.core.groups.Tuple.tuple("closeUnfinished", "2026-09"),
                        org.assertj.core.groups.Tuple.tuple("segmentUnclaimed", "ledger #0"),
                        org.assertj.core.groups.Tuple.tuple("segmentBehind", "ledger #0 (5000)"),
                        org.assertj.core.groups.Tuple.tuple("retentionStale", NOW.minus(Duration.ofDays(3)).toString()));
    }

    @Test
    void no_retention_run_on_a_node_up_for_days_means_the_daily_job_never_ran() {
        OpsBoard board = OpsBoard.of(NOW, UP_A_WEEK, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);

        assertThat(board.attention()).extracting(OpsBoard.Attention::code).containsExactly("retentionNeverRan");
    }

    @Test
    void a_fresh_install_without_a_retention_run_yet_needs_no_attention() {
        OpsBoard board = OpsBoard.of(NOW, NOW.minus(Duration.ofHours(1)), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), 0);

        assertThat(board.attention()).isEmpty();
    }

    private static MonthCloseState close(String month, Instant requested, Instant completed) {
        return new MonthCloseState(month, "ADEME-2022", requested, "ops", completed, completed == null ? null : 10L,
                null, null);
    }

    private static EventProcessors.Segment segment(String owner, long behind) {
        return new EventProcessors.Segment("ledger", 0, owner, "2026-12-02T07:59:59Z", 100L, 100 + behind, behind);
    }
}
