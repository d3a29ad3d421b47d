package org.footprintledger.usage.api;

import java.util.List;

/** Takes in a batch of usage records: validates, deduplicates, stores them and feeds the footprint ledger. */
public interface UsageIntake {

    /** Largest batch of the HTTP API (contract.md). */
    int MAX_BATCH_SIZE = 10_000;

    /** Largest batch one call accepts: file imports use batches up to this size, one transaction each. */
    int MAX_INTERNAL_BATCH_SIZE = 100_000;

    /** A batch from the HTTP API (feed {@code api}). */
    default IntakeReport submit(List<UsageRecordSubmission> records) {
        return submit(records, "api");
    }

    /**
     * A batch from the named feed ({@code api}, {@code file}, …); the feed only labels metrics such as the age of the
     * newest usage date received.
     */
    IntakeReport submit(List<UsageRecordSubmission> records, String feed);
}
