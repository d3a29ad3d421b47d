package org.footprintledger.footprint.domain;

import org.footprintledger.footprint.api.LedgerConflictException;

/** A fact would leave a line-month with negative usage: the facts sent are inconsistent with the ledger. */
public class NegativeUsageException extends LedgerConflictException {

    public NegativeUsageException(long bytes, long records, long estimatedRecords) {
        super("usage would become inconsistent: bytes=" + bytes + ", records=" + records
                + ", estimatedRecords=" + estimatedRecords);
    }
}
