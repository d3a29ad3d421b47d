package org.footprintledger.content.api;

import java.time.Instant;

/** One stored version of an eco-tip. */
public record TipVersion(
        long itemId,
        int version,
        ContentStatus status,
        TipInput content,
        String createdBy,
        Instant createdAt) {
}
