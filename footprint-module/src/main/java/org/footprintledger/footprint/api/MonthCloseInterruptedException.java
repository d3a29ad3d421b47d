package org.footprintledger.footprint.api;

/**
 * A month close stopped before its end (a database failure, a stop): says how many ledgers it closed, counted by the
 * pages that committed. The close stays recorded as in progress; closing again (or the next scheduled round) finishes
 * it and closes nothing twice.
 */
public class MonthCloseInterruptedException extends RuntimeException {

    private final long closedLedgers;
    private final long totalLedgers;

    /** @param totalLedgers the month's ledgers, or -1 when they could not be counted */
    public MonthCloseInterruptedException(String month, long closedLedgers, long totalLedgers, Throwable cause) {
        super("the close of " + month + " was interrupted (" + cause + "): closed " + closedLedgers
                + (totalLedgers >= 0 ? " of " + totalLedgers : "") + " ledgers; run the close again to finish "
                + "(closing again closes nothing twice)", cause);
        this.closedLedgers = closedLedgers;
        this.totalLedgers = totalLedgers;
    }

    public long closedLedgers() {
        return closedLedgers;
    }

    public long totalLedgers() {
        return totalLedgers;
    }
}
