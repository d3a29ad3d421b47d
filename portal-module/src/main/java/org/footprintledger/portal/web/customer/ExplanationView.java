package org.footprintledger.portal.web.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.footprintledger.footprint.api.LineExplanation;
import org.footprintledger.footprint.api.StatementExplanation;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.usage.api.DailyUsage;
import org.footprintledger.usage.api.DetailPurge;

/**
 * "Explain this number": per line, the ledger's trace (figures, factor set and value, formula, rounding, ledger event
 * ids, corrections, checksum) beside the usage it was computed from, by day and technology, and whether that usage
 * still sums to what the ledger holds (false while records wait in the outbox for the ledger). Once the retention
 * rule has dropped the month's records, {@code usageDetailPurged} says when and by which rule, the daily detail is
 * empty and {@code usageTotals} and {@code usageMatchesLedger} are null: the ledger's trace is all that remains.
 */
public record ExplanationView(String subscriberId, String month, StatementStatus status,
                              PurgeNotice usageDetailPurged, List<Line> lines, String integrity) {

    public record Line(String lineId, String label, LineExplanation ledger, List<DailyUsage> usageByDay,
                       UsageTotals usageTotals, Boolean usageMatchesLedger) {
    }

    public record UsageTotals(long records, long estimatedRecords, long bytes) {
    }

    public record PurgeNotice(LocalDate purgedOn, Instant droppedAt, String rule, String notice) {
    }

    static ExplanationView of(StatementExplanation ledger, List<DailyUsage> usage, Optional<DetailPurge> purge) {
        List<Line> lines = new ArrayList<>();
        for (LineExplanation line : ledger.lines()) {
            String lineId = line.figures().lineId();
            String label = line.figures().lineType().legalLabel();
            if (purge.isPresent()) {
                lines.add(new Line(lineId, label, line, List.of(), null, null));
                continue;
            }
            List<DailyUsage> days = usage.stream().filter(day -> day.lineId().equals(lineId)).toList();
            UsageTotals totals = new UsageTotals(days.stream().mapToLong(DailyUsage::records).sum(),
                    days.stream().mapToLong(DailyUsage::estimatedRecords).sum(),
                    days.stream().mapToLong(DailyUsage::bytes).sum());
            boolean matches = totals.records() == line.figures().records()
                    && totals.estimatedRecords() == line.figures().estimatedRecords()
                    && totals.bytes() == line.figures().bytes();
            lines.add(new Line(lineId, label, line, days, totals, matches));
        }
        PurgeNotice notice = purge.map(p -> new PurgeNotice(p.purgedOn(), p.droppedAt(), p.rule(), p.notice()))
                .orElse(null);
        return new ExplanationView(ledger.subscriberId(), ledger.month(), ledger.status(), notice, lines,
                ledger.integrity());
    }
}
