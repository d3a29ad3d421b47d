package org.footprintledger.footprint.api;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One subscriber's counted usage for one month, line by line (lines in id order). */
public record SubscriberMonthUsage(String subscriberId, YearMonth month, List<LineMonthUsage> lines) {

    public SubscriberMonthUsage {
        lines = List.copyOf(lines);
    }

    /** The same usage under the ledger's name for the subscriber ({@link SubscriberKeys}). */
    public SubscriberMonthUsage keyedAs(String subscriberKey) {
        return new SubscriberMonthUsage(subscriberKey, month, lines);
    }

    /**
     * The same usage under the ledger's names for the subscriber and its lines ({@link SubscriberKeys}), lines in key
     * order. Every line must have its key: a line closed under its id and accrued later under its key would become two
     * lines of one statement.
     */
    public SubscriberMonthUsage keyedAs(String subscriberKey, Map<String, String> lineKeys) {
        return new SubscriberMonthUsage(subscriberKey, month, lines.stream()
                .map(line -> line.named(keyOf(line, lineKeys, subscriberKey)))
                .sorted(Comparator.comparing(LineMonthUsage::lineId)).toList());
    }

    private String keyOf(LineMonthUsage line, Map<String, String> lineKeys, String subscriberKey) {
        String key = lineKeys.get(line.lineId());
        if (key == null) {
            throw new IllegalStateException("a line of " + subscriberKey + " in " + month + " has no ledger key");
        }
        return key;
    }
}
