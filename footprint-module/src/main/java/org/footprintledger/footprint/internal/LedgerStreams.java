package org.footprintledger.footprint.internal;

import java.util.Collection;
import java.util.Set;

/** What a batch asks of the event store before it loads its ledgers. */
interface LedgerStreams {

    /**
     * Reads the streams of these ledgers at once, for the loads of the current unit of work; answers the ledgers that
     * have no stream yet.
     */
    Set<String> prefetch(Collection<String> ledgerIds);
}
