package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Emission factor of one line type: a fixed part per line-month with usage, plus a variable part per Go.
 * Values are exact decimals, as published.
 */
public record LineFactor(BigDecimal gramsPerLineMonth, BigDecimal gramsPerGo) {

    public LineFactor {
        Objects.requireNonNull(gramsPerLineMonth, "gramsPerLineMonth");
        Objects.requireNonNull(gramsPerGo, "gramsPerGo");
        if (gramsPerLineMonth.signum() < 0 || gramsPerGo.signum() < 0) {
            throw new IllegalArgumentException("emission factors cannot be negative");
        }
    }

    public static LineFactor of(String gramsPerLineMonth, String gramsPerGo) {
        return new LineFactor(new BigDecimal(gramsPerLineMonth), new BigDecimal(gramsPerGo));
    }
}
