package org.footprintledger.usage.api;

/** The outcome of retrying a parked ledger: fed (and no longer parked), or parked again with the reason. */
public record ParkedLedgerRetry(String ledgerId, boolean fed, String reason) {
}
