package org.footprintledger.footprint.domain;

import org.footprintledger.footprint.api.LineType;

/** Running totals of one line within a ledger month; never negative. */
record LineTotals(LineType lineType, long bytes, long records, long estimatedRecords) {

    static LineTotals empty(LineType lineType) {
        return new LineTotals(lineType, 0, 0, 0);
    }

    LineTotals plus(long bytesDelta, long recordsDelta, long estimatedRecordsDelta) {
        LineTotals next = new LineTotals(lineType, Math.addExact(bytes, bytesDelta),
                Math.addExact(records, recordsDelta), Math.addExact(estimatedRecords, estimatedRecordsDelta));
        if (next.bytes < 0 || next.records < 0 || next.estimatedRecords < 0 || next.estimatedRecords > next.records) {
            throw new NegativeUsageException(next.bytes, next.records, next.estimatedRecords);
        }
        return next;
    }
}
