package org.footprintledger.usage.api;

/** Hands the usage facts waiting in the outbox to the footprint ledger. Runs on a schedule; callable at will. */
public interface LedgerFeed {

    /** Feeds until no fact is waiting (or another node is feeding). */
    void feedAll();

    /** Whether any fact waits for the ledger: one index probe, cheap enough to poll. */
    boolean hasBacklog();
}
