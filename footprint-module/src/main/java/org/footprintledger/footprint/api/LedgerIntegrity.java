package org.footprintledger.footprint.api;

import java.util.List;

/** Verifies the hash chain of every ledger stream, as stored. */
public interface LedgerIntegrity {

    IntegrityReport verify();

    /** The first broken link of a subscriber's ledger: which stream, which event, what is wrong. */
    record BrokenLink(String subscriberId, String ledgerId, long sequenceNumber, String eventId, String problem) {
    }

    /** Streams and events checked, and the first broken link of each subscriber with one (empty when intact). */
    record IntegrityReport(long streamsChecked, long eventsChecked, List<BrokenLink> brokenLinks) {

        public boolean intact() {
            return brokenLinks.isEmpty();
        }
    }
}
