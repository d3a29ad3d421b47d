package org.footprintledger.usage.api;

import java.util.List;

/** Takes in a batch of usage records: validates, deduplicates, stores them and feeds the footprint ledger. */
public interface UsageIntake {

    /** Largest batch one call accepts. */
    int MAX_BATCH_SIZE = 10_000;

    IntakeReport submit(List<UsageRecordSubmission> records);
}
