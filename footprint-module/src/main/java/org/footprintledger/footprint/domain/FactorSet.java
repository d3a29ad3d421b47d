package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.footprintledger.footprint.api.LineType;

/**
 * A published, immutable set of emission factors with its method and validity.
 * The unit convention (octets per Go) is part of the method.
 */
public record FactorSet(
        String id,
        String method,
        LocalDate validFrom,
        BigDecimal octetsPerGo,
        Map<LineType, LineFactor> factors,
        String methodSummary) {

    public FactorSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validFrom, "validFrom");
        if (octetsPerGo == null || octetsPerGo.signum() <= 0) {
            throw new IllegalArgumentException("octetsPerGo must be positive");
        }
        factors = Map.copyOf(new EnumMap<>(factors));
        for (LineType type : LineType.values()) {
            if (!factors.containsKey(type)) {
                throw new IllegalArgumentException("factor set " + id + " has no factor for " + type);
            }
        }
    }

    public boolean inForceFor(YearMonth month) {
        return !month.atDay(1).isBefore(validFrom);
    }

    public LineFactor factorFor(LineType lineType) {
        return factors.get(lineType);
    }
}
