package org.footprintledger.footprint.api;

import java.util.OptionalLong;

/** How far the statement read model is behind the ledger, as seen from this node. */
public interface LedgerProgress {

    /**
     * The events appended to the ledger that the read model's projection has not applied yet, when a segment of the
     * projection runs on this node (the slowest of them); empty when none does (another node projects).
     */
    OptionalLong eventsBehind();
}
