package org.footprintledger.footprint.api;

/**
 * The background re-keying of the subscribers whose ledger streams an earlier release wrote under their clear id
 * (ADR 0013): scheduled ({@code footprint.rekeying.legacy.cron}); what is left, for the ops board.
 */
public interface LegacyRekeying {

    /** Subscribers whose streams are still under their id (those left because a chain does not verify included). */
    long subscribersLeft();

    /** Runs the job now, in the caller's thread, as its schedule does: pages until none is left or it must stop. */
    Run rekeyNow();

    /** What a run did: subscribers re-keyed, skipped (a chain that does not verify), pages, and why it stopped. */
    record Run(long rekeyed, long skipped, long pages, String stoppedBecause) {
    }
}
