package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A published, immutable set of emission factors: its method, its validity, and per line type (optionally per access
 * technology) a fixed part per line-month plus a variable part per Go, each with its source. The unit convention
 * ({@code octetsPerGo}, 10^9 by default) is part of the method and printed in its summary.
 *
 * @param validUntil first day no longer covered, or {@code null} while no end is known
 */
public record FactorSet(String id, String name, String method, LocalDate validFrom, LocalDate validUntil,
                        BigDecimal octetsPerGo, List<FactorValue> values, String methodSummary) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public FactorSet {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("factor set id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        requireText(name, "name");
        requireText(method, "method");
        requireText(methodSummary, "methodSummary");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must be after validFrom");
        }
        if (octetsPerGo == null || octetsPerGo.signum() <= 0) {
            throw new IllegalArgumentException("octetsPerGo must be positive");
        }
        values = List.copyOf(values);
        Set<String> seen = new HashSet<>();
        for (FactorValue value : values) {
            if (!seen.add(value.lineType() + "/" + value.technology())) {
                throw new IllegalArgumentException("factor set " + id + " has two values for " + value.lineType()
                        + (value.technology() == null ? "" : " " + value.technology().code()));
            }
        }
        for (LineType type : LineType.values()) {
            if (!seen.contains(type + "/null")) {
                throw new IllegalArgumentException("factor set " + id + " has no default value for " + type);
            }
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    public boolean inForceFor(YearMonth month) {
        LocalDate first = month.atDay(1);
        return !first.isBefore(validFrom) && (validUntil == null || first.isBefore(validUntil));
    }

    /** The value for a line: the one of its technology when the set has one, else the line type's default. */
    public FactorValue valueFor(LineType lineType, Technology technology) {
        FactorValue fallback = null;
        for (FactorValue value : values) {
            if (value.lineType() == lineType && value.technology() == null) {
                fallback = value;
            } else if (value.lineType() == lineType && technology != null && value.technology() == technology) {
                return value;
            }
        }
        return fallback;
    }

    /** Everything that defines the set's figures, for hashes: id, unit, values. */
    public String canonical() {
        StringBuilder text = new StringBuilder(Canonical.join(id, validFrom, validUntil, octetsPerGo));
        values.stream().map(FactorValue::canonical).sorted().forEach(v -> text.append(v).append(';'));
        return text.toString();
    }
}
