package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One published emission factor: for a line type, and optionally one access technology, a fixed part per line-month
 * with usage plus a variable part per Go, with the source it was taken from. Exact decimals, as published.
 *
 * @param technology {@code null} for the line type's default value
 */
public record FactorValue(LineType lineType, Technology technology, BigDecimal gramsPerLineMonth,
                          BigDecimal gramsPerGo, String source) {

    public FactorValue {
        Objects.requireNonNull(lineType, "lineType");
        Objects.requireNonNull(gramsPerLineMonth, "gramsPerLineMonth");
        Objects.requireNonNull(gramsPerGo, "gramsPerGo");
        if (gramsPerLineMonth.signum() < 0 || gramsPerGo.signum() < 0) {
            throw new IllegalArgumentException("emission factors cannot be negative");
        }
        if (technology != null && technology.lineType() != lineType) {
            throw new IllegalArgumentException("technology " + technology.code() + " is not a " + lineType
                    + " technology");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("every factor value needs its source");
        }
    }

    public static FactorValue of(LineType lineType, String gramsPerLineMonth, String gramsPerGo, String source) {
        return new FactorValue(lineType, null, new BigDecimal(gramsPerLineMonth), new BigDecimal(gramsPerGo), source);
    }

    /** The values that identify this factor in a hash or checksum, independent of decimal scale. */
    String canonical() {
        return lineType + ":" + (technology == null ? "*" : technology.code()) + ":"
                + Canonical.decimal(gramsPerLineMonth) + ":" + Canonical.decimal(gramsPerGo);
    }
}
