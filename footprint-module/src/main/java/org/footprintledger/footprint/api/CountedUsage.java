package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The ledger's port to the usage store, implemented by the usage module: the running totals of every line-month.
 * While a month is open they are its provisional figures, and the month close states them in the ledger once, so a
 * month fed by a file a day still costs one ledger event per subscriber-month.
 */
public interface CountedUsage {

    /**
     * The subscribers with usage in {@code month} after {@code afterSubscriberId} in id order: those of the next
     * {@code limit} line-months with usage, whole (all their lines), so at most {@code limit} subscribers and at
     * least one while any is left. Each comes with the totals its statement must state at the close: the records
     * counted, less those received after the close was recorded that still wait to reach the ledger as late usage
     * (they become corrections once it has). Read in one snapshot. A subscriber whose totals would be negative is
     * not stated but named in the page's inconsistencies.
     */
    ClosePage toClose(YearMonth month, String afterSubscriberId, int limit);

    /** How many subscribers have usage counted in {@code month} (the month close's ledgers). */
    long subscribersIn(YearMonth month);

    /** One subscriber's running totals for the months between {@code from} and {@code to}, months with usage only. */
    List<SubscriberMonthUsage> current(String subscriberId, YearMonth from, YearMonth to);

    /**
     * The same as it stood at {@code asOf}: the records received by then, less those replaced by then, from the
     * records' receipt times (available while the records are kept: see the retention rule).
     */
    List<SubscriberMonthUsage> asOf(String subscriberId, YearMonth from, YearMonth to, Instant asOf);

    /**
     * A change marker of {@link #current}: differs whenever one of those running totals changes (or the retention
     * rule purges a month's detail). Compare for equality only.
     */
    long revision(String subscriberId, YearMonth from, YearMonth to);
}
