package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

/**
 * The usage counted for one line in one month, as the usage store keeps it: the totals of the accepted records that
 * still count (a re-rated record replaces the one it supersedes).
 *
 * @param technology the access technology of the latest record that named one, or {@code null} when none did
 */
public record LineMonthUsage(String lineId, LineType lineType, Technology technology, long bytes, long records,
                             long estimatedRecords) {

    public LineMonthUsage {
        if (bytes < 0 || records < 0 || estimatedRecords < 0 || estimatedRecords > records) {
            throw new IllegalArgumentException("line " + lineId + ": counted usage cannot be negative (bytes " + bytes
                    + ", records " + records + ", estimated " + estimatedRecords + ")");
        }
    }

    /** The same usage under another name for the line (the ledger's key for it, {@link SubscriberKeys}). */
    public LineMonthUsage named(String name) {
        return new LineMonthUsage(name, lineType, technology, bytes, records, estimatedRecords);
    }
}
