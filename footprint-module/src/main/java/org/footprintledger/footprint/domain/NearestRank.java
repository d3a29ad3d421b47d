package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import org.footprintledger.footprint.api.Canonical;
import org.footprintledger.footprint.api.Simulations.Distribution;

/** Quantiles by the nearest-rank rule: the q-quantile of n sorted values is the value at rank ceil(q × n) (1-based). */
final class NearestRank {

    private NearestRank() {
    }

    static Distribution of(BigDecimal[] values, int count) {
        if (count == 0) {
            return new Distribution(0, null, null, null, null, null, null);
        }
        BigDecimal[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Distribution(count, text(sorted[0]), text(at(sorted, 1, 4)), text(at(sorted, 1, 2)),
                text(at(sorted, 3, 4)), text(at(sorted, 95, 100)), text(sorted[count - 1]));
    }

    /** The value at rank ceil(numerator / denominator × n), in exact integer arithmetic. */
    static BigDecimal at(BigDecimal[] sorted, long numerator, long denominator) {
        long rank = (numerator * sorted.length + denominator - 1) / denominator;
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    private static String text(BigDecimal value) {
        return Canonical.decimal(value);
    }
}
