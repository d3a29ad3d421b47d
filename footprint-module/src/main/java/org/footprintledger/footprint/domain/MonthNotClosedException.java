package org.footprintledger.footprint.domain;

import org.footprintledger.footprint.api.LedgerConflictException;

/** Only an issued statement can be restated. */
public class MonthNotClosedException extends LedgerConflictException {

    public MonthNotClosedException(String ledgerId) {
        super("ledger " + ledgerId + " is not closed: an open month has no statement to restate");
    }
}
