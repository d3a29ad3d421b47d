package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one survey question from the count of each rating 1 to 5: the number of answers, the average
 * (sum of ratings / answers) and each rating's share of the answers, both exact to six decimals, half-up. Display
 * rounds further ("3,7" / "66,7 %").
 */
public final class SurveyStatistics {

    public static final int SCALE = 6;
    private final long[] counts;

    private SurveyStatistics(long[] counts) {
        this.counts = counts;
    }

    /** {@code counts[0]} answers rated 1, … {@code counts[4]} rated 5. */
    public static SurveyStatistics of(long[] counts) {
        if (counts.length != 5) {
            throw new IllegalArgumentException("five counts expected, one per rating 1 to 5");
        }
        return new SurveyStatistics(counts.clone());
    }

    public long answers() {
        long answers = 0;
        for (long count : counts) {
            answers += count;
        }
        return answers;
    }

    /** Null when nobody answered. */
    public BigDecimal average() {
        long answers = answers();
        if (answers == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * counts[i];
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers), SCALE, RoundingMode.HALF_UP);
    }

    public List<Long> counts() {
        List<Long> list = new ArrayList<>(5);
        for (long count : counts) {
            list.add(count);
        }
        return list;
    }

    /** Each rating's share of the answers (zeros when nobody answered). */
    public List<BigDecimal> shares() {
        long answers = answers();
        List<BigDecimal> shares = new ArrayList<>(5);
        for (long count : counts) {
            shares.add(answers == 0 ? BigDecimal.ZERO.setScale(SCALE)
                    : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(answers), SCALE, RoundingMode.HALF_UP));
        }
        return shares;
    }
}
