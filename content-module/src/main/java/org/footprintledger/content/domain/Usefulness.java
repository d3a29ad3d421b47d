package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The usefulness of a tip from customers' yes/no answers: (yes + 1) / (yes + no + 2), Laplace's rule of succession.
 * A tip nobody rated scores 0.5, and a few votes move it less than many: a new tip is neither buried (as a Wilson
 * lower bound would bury it at 0) nor promoted by a single "yes". Tips are shown by decreasing score, then by key.
 */
public final class Usefulness {

    private Usefulness() {
    }

    public static BigDecimal score(long yes, long no) {
        return BigDecimal.valueOf(yes + 1).divide(BigDecimal.valueOf(yes + no + 2), 6, RoundingMode.HALF_UP);
    }

    /**
     * Whether an item needs an editor's review: its score is below {@code threshold} over at least
     * {@code minRatings} ratings (fewer say too little: a single "no" scores 1/3).
     */
    public static boolean needsReview(long yes, long no, BigDecimal threshold, long minRatings) {
        return yes + no >= minRatings && score(yes, no).compareTo(threshold) < 0;
    }
}
