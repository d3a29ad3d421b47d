package org.footprintledger.usage.internal;

import java.util.Map;

/**
 * What each line-month of a batch may still take before the physical maximum ({@link LineMonthTotals#MAX_BYTES}):
 * the locked running totals, moved by every record the batch accepts, in the batch's order.
 */
final class LineMonthBudget {

    private final Map<LineMonthTotals.LineMonth, Long> bytes;

    LineMonthBudget(Map<LineMonthTotals.LineMonth, Long> lockedBytes) {
        this.bytes = lockedBytes;
    }

    /** Whether the record fits its line-month, counting the record it replaces out when in the same line-month. */
    boolean fits(UsageRecord record, UsageRecord replaced) {
        return after(record, replaced) <= LineMonthTotals.MAX_BYTES;
    }

    /** bytes_down when the down volume alone goes past the maximum, else bytes_up. */
    String fieldAtFault(UsageRecord record, UsageRecord replaced) {
        return after(record, replaced) - record.bytesUp() > LineMonthTotals.MAX_BYTES ? "bytes_down" : "bytes_up";
    }

    String reason(UsageRecord record, UsageRecord replaced) {
        return "line " + record.lineId() + " would carry " + after(record, replaced) + " bytes in " + record.month()
                + ", beyond the physical maximum of " + LineMonthTotals.MAX_BYTES
                + " bytes a line-month (10 Gbit/s both ways for 31 days)";
    }

    void add(UsageRecord record) {
        bytes.merge(LineMonthTotals.LineMonth.of(record), record.bytes(), Long::sum);
    }

    void subtract(UsageRecord record) {
        bytes.merge(LineMonthTotals.LineMonth.of(record), -record.bytes(), Long::sum);
    }

    /**
     * The line-month's bytes with the record: the running total is at most the maximum (or, for a line-month an older
     * release let past it, the largest long, where the sum saturates), a record at most 2 × 10^13.
     */
    private long after(UsageRecord record, UsageRecord replaced) {
        LineMonthTotals.LineMonth lineMonth = LineMonthTotals.LineMonth.of(record);
        long current = bytes.getOrDefault(lineMonth, 0L);
        long total = current > Long.MAX_VALUE - record.bytes() ? Long.MAX_VALUE : current + record.bytes();
        if (total != Long.MAX_VALUE && replaced != null && LineMonthTotals.LineMonth.of(replaced).equals(lineMonth)) {
            total -= replaced.bytes();
        }
        return total;
    }
}
