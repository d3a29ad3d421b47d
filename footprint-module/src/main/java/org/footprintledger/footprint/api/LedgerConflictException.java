package org.footprintledger.footprint.api;

/**
 * A ledger rule refused the request as things stand (a published factor set changed, an open month restated, a line
 * of another type, usage going negative): the request may be right later or in another form, never by retrying as is.
 * The API answers 409; any other failure is an internal error.
 */
public class LedgerConflictException extends IllegalStateException {

    public LedgerConflictException(String message) {
        super(message);
    }
}
