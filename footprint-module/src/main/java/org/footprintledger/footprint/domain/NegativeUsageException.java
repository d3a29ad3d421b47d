package org.footprintledger.footprint.domain;

/** A fact would leave a line-month with negative usage: the facts sent are inconsistent with the ledger. */
public class NegativeUsageException extends IllegalStateException {

    public NegativeUsageException(long bytes, long records, long estimatedRecords) {
        super("usage would become inconsistent: bytes=" + bytes + ", records=" + records
                + ", estimatedRecords=" + estimatedRecords);
    }
}
