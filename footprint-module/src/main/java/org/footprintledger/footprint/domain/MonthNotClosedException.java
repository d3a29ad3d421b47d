package org.footprintledger.footprint.domain;

/** Only an issued statement can be restated. */
public class MonthNotClosedException extends IllegalStateException {

    public MonthNotClosedException(String ledgerId) {
        super("ledger " + ledgerId + " is not closed: an open month has no statement to restate");
    }
}
