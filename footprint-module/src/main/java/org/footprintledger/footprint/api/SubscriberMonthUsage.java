package org.footprintledger.footprint.api;

import java.time.YearMonth;
import java.util.List;

/** One subscriber's counted usage for one month, line by line (lines in id order). */
public record SubscriberMonthUsage(String subscriberId, YearMonth month, List<LineMonthUsage> lines) {

    public SubscriberMonthUsage {
        lines = List.copyOf(lines);
    }

    /** The same usage under the ledger's name for the subscriber ({@link SubscriberKeys}). */
    public SubscriberMonthUsage keyedAs(String subscriberKey) {
        return new SubscriberMonthUsage(subscriberKey, month, lines);
    }
}
