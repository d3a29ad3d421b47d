package org.footprintledger.portal.web.editor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Numbers and dates as editors type them: "0,2" as well as "0.2" (exact decimals), ISO dates from a date field. */
final class FormNumbers {

    private FormNumbers() {
    }

    /** Null when blank; an error beside {@code field} when not a number. */
    static BigDecimal decimal(String typed, String field, FieldErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.trim().replace('\u202f', ' ').replace(" ", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.reject(field, "editor.error.number");
            return null;
        }
    }

    static LocalDate date(String typed, String field, FieldErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.trim());
        } catch (DateTimeParseException e) {
            errors.reject(field, "editor.error.date");
            return null;
        }
    }
}
