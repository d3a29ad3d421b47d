package org.footprintledger.footprint.api;

import java.time.YearMonth;
import java.util.Set;

/**
 * Which months are closed, for the usage intake and the ledger feeder: usage of a month whose close is recorded is late
 * usage and must reach the ledger as a fact; usage of an open month only updates the running totals.
 */
public interface ClosedMonths {

    /**
     * The months whose close is recorded (complete or still running). Holds off the recording of any new close until
     * the caller's transaction ends, so a batch either commits before a close is recorded (and the close counts it) or
     * sees the month closed: call it inside the transaction that stores the usage.
     */
    Set<YearMonth> recordedHoldingOffCloses();

    /** The months whose close has completed: every subscriber-month of them has its statement. */
    Set<YearMonth> completed();
}
