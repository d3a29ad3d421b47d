package org.footprintledger.content.api;

import java.math.BigDecimal;

/**
 * What customers made of one item in one month: views on the customer page, yes/no ratings, comments (visible and
 * hidden) and the usefulness score (yes + 1) / (yes + no + 2). {@code itemId} is null for the page itself.
 */
public record ItemStats(
        Long itemId,
        String kind,
        String key,
        String month,
        long views,
        long yes,
        long no,
        long comments,
        long hiddenComments,
        BigDecimal usefulness) {
}
