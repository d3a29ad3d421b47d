package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.footprintledger.footprint.api.Canonical;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.vocabulary.Technology;

/**
 * The regulated figures of one line over one month, computed exactly.
 *
 * <p>Rule: Go = octets / octets per Go (exact: 10^9 divides without remainder into a finite decimal; for 2^30 the
 * quotient is finite too, a power of two); grams = (fixed part if the line-month has at least one record) + grams per
 * Go x Go. Nothing is rounded here; {@link #displayedGo()} and {@link #displayedGrams()} round half-up to the unit,
 * for display only.
 */
public record LineMonthFootprint(long bytes, BigDecimal dataGo, BigDecimal co2eGrams) {

    public static LineMonthFootprint compute(FactorSet factorSet, LineType lineType, Technology technology, long bytes,
                                             long records) {
        if (bytes < 0 || records < 0) {
            throw new IllegalArgumentException("a line-month cannot have negative usage");
        }
        BigDecimal go = goOf(bytes, factorSet.octetsPerGo());
        FactorValue factor = factorSet.valueFor(lineType, technology);
        BigDecimal fixedPart = records > 0 ? factor.gramsPerLineMonth() : BigDecimal.ZERO;
        BigDecimal grams = fixedPart.add(factor.gramsPerGo().multiply(go));
        return new LineMonthFootprint(bytes, go, grams);
    }

    /**
     * Octets divided by the octets per Go, exactly. When the unit is a power of ten (10^9, the default), the quotient
     * is the octets with the decimal point moved: no division at all (a general exact division, which a profile of
     * the month close showed as a fifth of its time, remains for other units such as 2^30).
     */
    static BigDecimal goOf(long bytes, BigDecimal octetsPerGo) {
        BigDecimal unit = octetsPerGo.stripTrailingZeros();
        if (unit.unscaledValue().equals(BigInteger.ONE)) {
            return BigDecimal.valueOf(bytes, -unit.scale());
        }
        return new BigDecimal(bytes).divide(octetsPerGo, MathContext.UNLIMITED);
    }

    public static StatementFigures figures(FactorSet factorSet, String lineId, LineType lineType,
                                           Technology technology, long bytes, long records, long estimatedRecords) {
        LineMonthFootprint footprint = compute(factorSet, lineType, technology, bytes, records);
        return new StatementFigures(lineId, lineType, technology, bytes, records, estimatedRecords,
                Canonical.decimal(footprint.dataGo), Canonical.decimal(footprint.co2eGrams), footprint.displayedGo(),
                footprint.displayedGrams());
    }

    public long displayedGo() {
        return roundForDisplay(dataGo);
    }

    public long displayedGrams() {
        return roundForDisplay(co2eGrams);
    }

    /** The exact grams as a plain decimal string without trailing zeros, e.g. {@code 642.1999999506}. */
    public String exactGrams() {
        return Canonical.decimal(co2eGrams);
    }

    static long roundForDisplay(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
