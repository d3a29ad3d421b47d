package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.footprintledger.content.api.Caveat;
import org.footprintledger.content.api.SavingBasis;
import org.footprintledger.content.api.SavingEstimate;
import org.footprintledger.content.api.TipContext;

/**
 * A tip's saving under the statement's own method (grams = fixed part per line-month + grams per Go x Go):
 * <ul>
 * <li>VOLUME_SHARE: share x Go of the month x grams per Go; the fixed part does not move. On a line whose method is
 * per Go, the caveat says per-Go allocation is a convention; on a flat line (0 g per Go) the saving is 0 g with the
 * flat-figure caveat.</li>
 * <li>LINE_FLAT: 0 g when the line has a fixed part and no per-Go part (box stand-by on a fixed line), with the
 * flat-figure caveat.</li>
 * <li>OUTSIDE_METHOD: no figure (devices are outside the regulated scope).</li>
 * </ul>
 * Exact grams are kept; display rounds half-up to the unit, as statements do. Unknown factor: no figure.
 */
public final class SavingEstimator {

    private SavingEstimator() {
    }

    public static SavingEstimate estimate(TipRule rule, TipContext line) {
        if (rule.savingBasis() == SavingBasis.OUTSIDE_METHOD) {
            return new SavingEstimate(null, null, Caveat.OUTSIDE_METHOD);
        }
        if (line.gramsPerGo() == null || line.fixedGramsPerLineMonth() == null) {
            return new SavingEstimate(null, null,
                    rule.savingBasis() == SavingBasis.LINE_FLAT ? Caveat.FLAT_FIGURE : Caveat.PER_GO_CONVENTION);
        }
        boolean flatLine = line.gramsPerGo().signum() == 0;
        if (rule.savingBasis() == SavingBasis.LINE_FLAT || flatLine) {
            return of(BigDecimal.ZERO, Caveat.FLAT_FIGURE);
        }
        BigDecimal grams = rule.volumeShare().multiply(line.monthlyGo()).multiply(line.gramsPerGo());
        return of(grams, Caveat.PER_GO_CONVENTION);
    }

    private static SavingEstimate of(BigDecimal exact, Caveat caveat) {
        return new SavingEstimate(exact, exact.setScale(0, RoundingMode.HALF_UP).longValueExact(), caveat);
    }
}
