package org.footprintledger.footprint.api;

import java.time.YearMonth;

/**
 * Identity of a ledger stream: one per subscriber and calendar month, so streams stay short; the subscriber is named
 * by its key ({@link SubscriberKeys}), never by its id.
 */
public final class LedgerIds {

    private LedgerIds() {
    }

    public static String of(String subscriberKey, YearMonth month) {
        return subscriberKey + "/" + month;
    }

    /** The subscriber key of a ledger stream id made by {@link #of}. */
    public static String subscriberOf(String ledgerId) {
        return ledgerId.substring(0, Math.max(0, ledgerId.lastIndexOf('/')));
    }
}
