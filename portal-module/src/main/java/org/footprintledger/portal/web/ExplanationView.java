package org.footprintledger.portal.web;

import java.util.ArrayList;
import java.util.List;
import org.footprintledger.footprint.api.LineExplanation;
import org.footprintledger.footprint.api.StatementExplanation;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.usage.api.DailyUsage;

/**
 * "Explain this number": per line, the ledger's trace (figures, factor set and value, formula, rounding, ledger event
 * ids, corrections, checksum) beside the usage it was computed from, by day and technology, and whether that usage
 * still sums to what the ledger holds (false while records wait in the outbox for the ledger).
 */
public record ExplanationView(String subscriberId, String month, StatementStatus status, List<Line> lines) {

    public record Line(String lineId, String label, LineExplanation ledger, List<DailyUsage> usageByDay,
                UsageTotals usageTotals, boolean usageMatchesLedger) {
    }

    public record UsageTotals(long records, long estimatedRecords, long bytes) {
    }

    static ExplanationView of(StatementExplanation ledger, List<DailyUsage> usage) {
        List<Line> lines = new ArrayList<>();
        for (LineExplanation line : ledger.lines()) {
            String lineId = line.figures().lineId();
            List<DailyUsage> days = usage.stream().filter(day -> day.lineId().equals(lineId)).toList();
            UsageTotals totals = new UsageTotals(days.stream().mapToLong(DailyUsage::records).sum(),
                    days.stream().mapToLong(DailyUsage::estimatedRecords).sum(),
                    days.stream().mapToLong(DailyUsage::bytes).sum());
            boolean matches = totals.records() == line.figures().records()
                    && totals.estimatedRecords() == line.figures().estimatedRecords()
                    && totals.bytes() == line.figures().bytes();
            lines.add(new Line(lineId, line.figures().lineType().legalLabel(), line, days, totals, matches));
        }
        return new ExplanationView(ledger.subscriberId(), ledger.month(), ledger.status(), lines);
    }
}
