package org.footprintledger.footprint.internal;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.footprintledger.footprint.api.FactorSet;

/** What a batch asks of the month index: the months closed so far, and the entry of the streams it creates. */
interface LedgerIndex {

    /** Holds off any close until this transaction ends; answers the months closed so far and their factor sets. */
    Map<YearMonth, FactorSet> closedMonthsHoldingOffCloses();

    /** Enters new streams in the index, in the current transaction. */
    void index(List<Stream> newStreams);

    /** A ledger stream: one subscriber's month. */
    record Stream(String subscriberId, YearMonth month) {
    }
}
