package org.footprintledger.footprint.api;

import java.time.YearMonth;

/**
 * A change marker of what the ledger shows one subscriber: a number that differs whenever one of its statements
 * between two months changes (issued, corrected, restated, or a provisional figure moved by new usage) or its
 * devices change. A marker, not an order: compare two for equality only. One cheap read, so a page or an answer built
 * from these statements can be kept and served again while the marker stays the same.
 */
public interface LedgerRevisions {

    long of(String subscriberId, YearMonth from, YearMonth to);
}
