package org.footprintledger.content.api;

import java.time.Instant;

/** A rating with its comment, as editors see it (hidden and flagged ones included). */
public record FeedbackComment(
        long id,
        String subscriberId,
        RatingTarget target,
        Long itemId,
        String month,
        boolean useful,
        String comment,
        boolean hidden,
        boolean flagged,
        Instant createdAt) {
}
