package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds an aggregated usage fact (the sum of accepted records of one line in one month, from one intake batch)
 * to the subscriber's ledger for that month. Deltas may be negative when a record is superseded.
 *
 * @param technology        the access technology of the records, or {@code null} when unknown
 * @param sourceBatchId     the intake batch the fact comes from, kept for the audit trail
 */
public record AccrueLineUsageCommand(
        @TargetAggregateIdentifier String ledgerId,
        String subscriberId,
        YearMonth month,
        String lineId,
        LineType lineType,
        Technology technology,
        long bytesDelta,
        long recordsDelta,
        long estimatedRecordsDelta,
        String sourceBatchId) {

    public static AccrueLineUsageCommand of(String subscriberId, YearMonth month, String lineId, LineType lineType,
                                            Technology technology, long bytesDelta, long recordsDelta,
                                            long estimatedRecordsDelta, String sourceBatchId) {
        return new AccrueLineUsageCommand(LedgerIds.of(subscriberId, month), subscriberId, month, lineId, lineType,
                technology, bytesDelta, recordsDelta, estimatedRecordsDelta, sourceBatchId);
    }
}
