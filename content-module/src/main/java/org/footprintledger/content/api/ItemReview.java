package org.footprintledger.content.api;

import java.math.BigDecimal;

/**
 * One item's usefulness over a period of months: its yes/no ratings, the score (yes + 1) / (yes + no + 2), and whether
 * it is flagged for review (a score below the threshold, over enough ratings; see {@code Usefulness.needsReview}).
 * {@code itemId} is null for the page itself.
 */
public record ItemReview(Long itemId, String kind, String key, long yes, long no, BigDecimal usefulness,
                         boolean flagged) {
}
