package org.footprintledger.portal.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The request parameters every audience's API shares (a month, an instant), parsed with a 400 that names them. */
public final class RequestParameters {

    private RequestParameters() {
    }

    /** An instant in ISO-8601 ({@code 2026-11-05T10:00:00Z}), or {@code null} when absent. */
    public static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf must be an instant like 2026-11-05T10:00:00Z, got \"" + value + "\"",
                    null, null);
        }
    }

    public static YearMonth month(String value, String name) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a month yyyy-MM, got \"" + value + "\"", null, null);
        }
    }
}
