package org.footprintledger.usage.domain;

import java.util.Map;

/**
 * What each line-month of a batch may still take before the physical maximum ({@link #MAX_BYTES}):
 * the locked running totals, moved by every record the batch accepts, in the batch's order.
 */
public final class LineMonthBudget {

    private final Map<LineMonth, Long> bytes;

    /**
     * The most a line can carry in a month: 10 Gbit/s in both directions for 31 days, 1.25 × 10^9 bytes/s × 2 ×
     * 2 678 400 s = 6 696 000 000 000 000 bytes (docs/api.md, "Hostile input"). 1 377 times below the largest long.
     */
    public static final long MAX_BYTES = 6_696_000_000_000_000L;

    /** Against the totals read (and locked) before the batch decides. */
    public LineMonthBudget(Map<LineMonth, Long> lockedBytes) {
        this.bytes = lockedBytes;
    }

    /** Whether the record fits its line-month, counting the record it replaces out when in the same line-month. */
    public boolean fits(UsageRecord record, UsageRecord replaced) {
        return after(record, replaced) <= LineMonthBudget.MAX_BYTES;
    }

    /** bytes_down when the down volume alone goes past the maximum, else bytes_up. */
    public String fieldAtFault(UsageRecord record, UsageRecord replaced) {
        return after(record, replaced) - record.bytesUp() > LineMonthBudget.MAX_BYTES ? "bytes_down" : "bytes_up";
    }

    public String reason(UsageRecord record, UsageRecord replaced) {
        return "line " + record.lineId() + " would carry " + after(record, replaced) + " bytes in " + record.month()
                + ", beyond the physical maximum of " + LineMonthBudget.MAX_BYTES
                + " bytes a line-month (10 Gbit/s both ways for 31 days)";
    }

    public void add(UsageRecord record) {
        bytes.merge(LineMonth.of(record), record.bytes(), Long::sum);
    }

    public void subtract(UsageRecord record) {
        bytes.merge(LineMonth.of(record), -record.bytes(), Long::sum);
    }

    /**
     * The line-month's bytes with the record: the running total is at most the maximum (or, for a line-month an older
     * release let past it, the largest long, where the sum saturates), a record at most 2 × 10^13.
     */
    private long after(UsageRecord record, UsageRecord replaced) {
        LineMonth lineMonth = LineMonth.of(record);
        long current = bytes.getOrDefault(lineMonth, 0L);
        long total = current > Long.MAX_VALUE - record.bytes() ? Long.MAX_VALUE : current + record.bytes();
        if (total != Long.MAX_VALUE && replaced != null && LineMonth.of(replaced).equals(lineMonth)) {
            total -= replaced.bytes();
        }
        return total;
    }
}
