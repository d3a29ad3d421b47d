package org.footprintledger.portal.web.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.footprintledger.footprint.api.EventProcessors;
import org.footprintledger.footprint.api.MonthCloses;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.ParkedLedger;
import org.footprintledger.usage.api.UsageRetention;

/**
 * What the person on call reads on the ops board (and machines at {@code /api/v1/ops/board}): what needs attention
 * first, then the imports, parked ledgers, month closes, event processors and retention runs it comes from, and the
 * subscribers an earlier release wrote under their id that the background re-keying has yet to re-key (ADR 0013).
 */
record OpsBoard(Instant readAt, List<Attention> attention, List<ImportStatus> imports, List<ParkedLedger> parked,
                List<MonthCloses.MonthCloseState> monthCloses, List<EventProcessors.Segment> segments,
                List<EventProcessors.DeadLetters> deadLetters, List<UsageRetention.Run> retentionRuns,
                long legacySubscribersLeft) {

    /** A segment this far behind the store's head, or a retention run this old, needs a look. */
    static final long SEGMENT_BEHIND_LIMIT = 1000;
    static final Duration RETENTION_AGE_LIMIT = Duration.ofDays(2);
    /** A close not completed this long after its request is no longer taken for one running on another node. */
    static final Duration CLOSE_AGE_LIMIT = Duration.ofMinutes(10);

    /** Something wrong, as a message code ({@code ops.board.attention.<code>}) and what it is about. */
    record Attention(String code, String subject) {
    }

    /**
     * @param runningSince when this node started: a daily retention job with no run recorded is late only once the
     *                     node has been up longer than {@link #RETENTION_AGE_LIMIT} (a fresh install has none yet)
     */
    static OpsBoard of(Instant now, Instant runningSince, List<ImportStatus> imports, List<ParkedLedger> parked,
                       List<MonthCloses.MonthCloseState> closes, List<EventProcessors.Segment> segments,
                       List<EventProcessors.DeadLetters> deadLetters, List<UsageRetention.Run> runs,
                       long legacySubscribersLeft) {
        List<Attention> attention = new ArrayList<>();
        deadLetters.forEach(d -> attention.add(new Attention("deadLetters", d.processingGroup() + " (" + d.count()
                + ")")));
        parked.forEach(p -> attention.add(new Attention("parked", p.ledgerId())));
        imports.stream().filter(i -> "FAILED".equals(i.status()))
                .forEach(i -> attention.add(new Attention("importFailed", i.importId())));
        closes.stream().filter(c -> !c.completed() && !c.runningHere()
                        && c.requestedAt().isBefore(now.minus(CLOSE_AGE_LIMIT)))
                .forEach(c -> attention.add(new Attention("closeUnfinished", c.month())));
        segments.stream().filter(s -> s.owner() == null)
                .forEach(s -> attention.add(new Attention("segmentUnclaimed", s.processorName() + " #" + s.segment())));
        segments.stream().filter(s -> s.behind() > SEGMENT_BEHIND_LIMIT)
                .forEach(s -> attention.add(new Attention("segmentBehind", s.processorName() + " #" + s.segment()
                        + " (" + s.behind() + ")")));
        Instant staleBefore = now.minus(RETENTION_AGE_LIMIT);
        if (runs.isEmpty() && runningSince.isBefore(staleBefore)) {
            attention.add(new Attention("retentionNeverRan", "—"));
        } else if (!runs.isEmpty() && runs.get(0).ranAt().isBefore(staleBefore)) {
            attention.add(new Attention("retentionStale", runs.get(0).ranAt().toString()));
        }
        return new OpsBoard(now, List.copyOf(attention), imports, parked, closes, segments, deadLetters, runs,
                legacySubscribersLeft);
    }
}
