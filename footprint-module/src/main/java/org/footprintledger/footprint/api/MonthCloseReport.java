package org.footprintledger.footprint.api;

/** The outcome of a month close: ledgers seen, newly closed, already closed before, and how long it took. */
public record MonthCloseReport(String month, String factorSetId, long ledgers, long newlyClosed,
                               long alreadyClosed, long durationMillis) {
}
