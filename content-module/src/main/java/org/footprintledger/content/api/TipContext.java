package org.footprintledger.content.api;

import java.math.BigDecimal;
import org.footprintledger.footprint.api.LineType;
import org.footprintledger.footprint.api.Technology;

/**
 * A statement line as tips see it: line type, technology (null when unknown), the month's exact octets, and the
 * factor of the statement's method, a fixed part per line-month plus a part per Go (null when unknown: no figure).
 */
public record TipContext(
        LineType lineType,
        Technology technology,
        long bytes,
        BigDecimal fixedGramsPerLineMonth,
        BigDecimal gramsPerGo) {
}
