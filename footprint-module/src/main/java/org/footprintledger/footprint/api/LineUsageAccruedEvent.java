package org.footprintledger.footprint.api;

import java.time.YearMonth;
import org.axonframework.serialization.Revision;

/** A usage fact entered the ledger; the line's totals after it are carried so a reader needs no arithmetic. */
@Revision("1")
public record LineUsageAccruedEvent(
        String ledgerId,
        String subscriberId,
        YearMonth month,
        String lineId,
        LineType lineType,
        Technology technology,
        long bytesDelta,
        long recordsDelta,
        long estimatedRecordsDelta,
        long bytesTotal,
        long recordsTotal,
        long estimatedRecordsTotal,
        String sourceBatchId) {
}
