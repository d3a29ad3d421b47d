package org.footprintledger.content.api;

import java.time.Instant;

/** One stored version of an equivalence; versions are never changed, only their status moves. */
public record EquivalenceVersion(
        long itemId,
        int version,
        ContentStatus status,
        EquivalenceInput content,
        String createdBy,
        Instant createdAt) {
}
