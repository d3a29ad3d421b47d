package org.footprintledger.usage.domain;

import java.time.YearMonth;

/** A line in a month: the key of the usage counted, and the order in which batches take its totals. */
public record LineMonth(String lineId, YearMonth month) implements Comparable<LineMonth> {

    public static LineMonth of(UsageRecord record) {
        return new LineMonth(record.lineId(), record.month());
    }

    @Override
    public int compareTo(LineMonth other) {
        int byLine = lineId.compareTo(other.lineId);
        return byLine != 0 ? byLine : month.compareTo(other.month);
    }
}
