package org.footprintledger.usage.domain;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footprintledger.footprint.api.LineUsageFact;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

/**
 * Sums the records of one batch into one fact per line and month: what the ledger receives instead of one command
 * per record. A superseded record counts with a minus sign in its own line-month.
 */
public final class LedgerFacts {

    /** By ledger (subscriber and month), then line. */
    private record Key(String subscriberId, YearMonth month, String lineId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int bySubscriber = subscriberId.compareTo(other.subscriberId);
            if (bySubscriber != 0) {
                return bySubscriber;
            }
            int byMonth = month.compareTo(other.month);
            return byMonth != 0 ? byMonth : lineId.compareTo(other.lineId);
        }
    }

    private final Map<Key, Fact> facts = new TreeMap<>();

    public void add(UsageRecord record) {
        fact(record).add(record, 1);
    }

    public void subtract(UsageRecord record) {
        fact(record).add(record, -1);
    }

    public boolean isEmpty() {
        return facts.isEmpty();
    }

    /** The facts in a stable order (by ledger and line), so that concurrent batches lock in the same order. */
    public List<LineUsageFact> toFacts() {
        return facts.values().stream()
                .map(f -> new LineUsageFact(f.subscriberId, f.month, f.lineId, f.lineType, f.technology,
                        f.bytes, f.records, f.estimatedRecords))
                .toList();
    }

    private Fact fact(UsageRecord record) {
        Key key = new Key(record.subscriberId(), record.month(), record.lineId());
        return facts.computeIfAbsent(key, k -> new Fact(record.subscriberId(), record.month(), record.lineId(),
                record.lineType()));
    }

    private static final class Fact {
        private final String subscriberId;
        private final YearMonth month;
        private final String lineId;
        private final LineType lineType;
        private Technology technology;
        private long bytes;
        private long records;
        private long estimatedRecords;

        private Fact(String subscriberId, YearMonth month, String lineId, LineType lineType) {
            this.subscriberId = subscriberId;
            this.month = month;
            this.lineId = lineId;
            this.lineType = lineType;
        }

        private void add(UsageRecord record, int sign) {
            bytes = Math.addExact(bytes, sign * record.bytes());
            records += sign;
            estimatedRecords += record.estimated() ? sign : 0;
            if (sign > 0 && record.technology() != null) {
                technology = record.technology();
            }
        }
    }
}
