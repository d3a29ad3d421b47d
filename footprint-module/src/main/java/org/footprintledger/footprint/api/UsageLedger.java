package org.footprintledger.footprint.api;

import java.util.List;

/**
 * The ledger as the usage intake sees it: usage reaching a month whose close is recorded (late usage) goes in as one
 * fact per line and month, and becomes a correction of the statement shown.
 */
public interface UsageLedger {

    /**
     * Appends the facts to their ledgers, in the caller's transaction, or throws: a ledger rule refusing a fact
     * ({@link LedgerConflictException}) refuses the whole call.
     *
     * @param batchId where the facts come from, kept in the ledger's audit trail
     */
    void accrue(String batchId, List<LineUsageFact> facts);
}
