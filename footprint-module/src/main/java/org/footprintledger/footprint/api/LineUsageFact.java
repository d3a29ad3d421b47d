package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

import java.time.YearMonth;

/**
 * Usage of one line in one month that reaches its ledger: the sum of the accepted records of one intake batch, the
 * deltas negative where a record superseded one counted before.
 *
 * @param technology the access technology of the batch's latest record that named one, or {@code null}
 */
public record LineUsageFact(String subscriberId, YearMonth month, String lineId, LineType lineType,
                            Technology technology, long bytesDelta, long recordsDelta, long estimatedRecordsDelta) {

    /** The ledger (subscriber-month) the fact belongs to. */
    public String ledgerId() {
        return LedgerIds.of(subscriberId, month);
    }
}
