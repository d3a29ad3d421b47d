package org.footprintledger.content.api;

import java.math.BigDecimal;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

/**
 * A statement line as tips see it: line type, technology (null when unknown), the month's exact octets, and the
 * factor of the statement's method, a fixed part per line-month plus a part per Go (null when unknown: no figure),
 * with the method's unit (octets per Go), so tips count Go as the statement does.
 */
public record TipContext(
        LineType lineType,
        Technology technology,
        long bytes,
        BigDecimal fixedGramsPerLineMonth,
        BigDecimal gramsPerGo,
        BigDecimal octetsPerGo) {

    /** The unit when the statement's method is not known: 1 Go = 10^9 octets. */
    public static final BigDecimal DECIMAL_GO = BigDecimal.TEN.pow(9);

    public TipContext(LineType lineType, Technology technology, long bytes, BigDecimal fixedGramsPerLineMonth,
                      BigDecimal gramsPerGo) {
        this(lineType, technology, bytes, fixedGramsPerLineMonth, gramsPerGo, DECIMAL_GO);
    }

    /** The month's volume in Go of the statement's unit, exact. */
    public BigDecimal monthlyGo() {
        return new BigDecimal(bytes).divide(octetsPerGo);
    }
}
