package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.footprintledger.footprint.api.LineType;

/**
 * The regulated figures of one line over one month, computed exactly.
 *
 * <p>Rule: grams = (fixed part if the line-month has at least one record) + grams per Go x octets / octets per Go.
 * Nothing is rounded here; {@link #displayedGo()} and {@link #displayedGrams()} round half-up to the unit, for
 * display only.
 */
public record LineMonthFootprint(long bytes, BigDecimal dataGo, BigDecimal co2eGrams) {

    public static LineMonthFootprint compute(FactorSet factorSet, LineType lineType, long bytes, long records) {
        if (bytes < 0 || records < 0) {
            throw new IllegalArgumentException("a line-month cannot have negative usage");
        }
        BigDecimal go = new BigDecimal(bytes).divide(factorSet.octetsPerGo(), MathContext.UNLIMITED);
        LineFactor factor = factorSet.factorFor(lineType);
        BigDecimal fixedPart = records > 0 ? factor.gramsPerLineMonth() : BigDecimal.ZERO;
        BigDecimal grams = fixedPart.add(factor.gramsPerGo().multiply(go));
        return new LineMonthFootprint(bytes, go, grams);
    }

    public long displayedGo() {
        return roundForDisplay(dataGo);
    }

    public long displayedGrams() {
        return roundForDisplay(co2eGrams);
    }

    /** The exact grams as a plain decimal string without trailing zeros, e.g. {@code 642.1999999506}. */
    public String exactGrams() {
        return co2eGrams.signum() == 0 ? "0" : co2eGrams.stripTrailingZeros().toPlainString();
    }

    static long roundForDisplay(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
