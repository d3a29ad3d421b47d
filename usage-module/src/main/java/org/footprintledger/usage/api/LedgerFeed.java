package org.footprintledger.usage.api;

/** Hands the usage facts waiting in the outbox to the footprint ledger. Runs on a schedule; callable at will. */
public interface LedgerFeed {

    /** Feeds until no fact is waiting (or another node is feeding). */
    void feedAll();

    /** Whether any fact waits for the ledger (parked ledgers aside): one index probe, cheap enough to poll. */
    boolean hasBacklog();

    /** The parked ledgers, oldest parking first. */
    java.util.List<ParkedLedger> parked();

    /** Feeds a parked ledger's facts now (its cause fixed); empty when no such ledger is parked. */
    java.util.Optional<ParkedLedgerRetry> retryParked(String ledgerId);

    /** Retries every parked ledger, one by one. */
    java.util.List<ParkedLedgerRetry> retryAllParked();
}
