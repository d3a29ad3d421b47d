package org.footprintledger.usage.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.usage.api.UsageRecordSubmission;

/** Enforces the column rules of the usage feed (contract.md), reporting the first field at fault. */
public final class UsageRecordValidator {

    public static final long MAX_BYTES = 10_000_000_000_000L;
    /** Usage dates are local days in Europe/Paris (contract.md). */
    public static final ZoneId USAGE_ZONE = ZoneId.of("Europe/Paris");

    private final Clock clock;

    public UsageRecordValidator(Clock clock) {
        this.clock = clock;
    }

    /** Today in Europe/Paris: no usage date may be after it. Read once per batch, not once per record. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(USAGE_ZONE));
    }

    public ValidationOutcome validate(long index, UsageRecordSubmission s) {
        return validate(index, s, today());
    }

    public ValidationOutcome validate(long index, UsageRecordSubmission s, LocalDate today) {
        String recordId = s.recordId();
        String idError = identifierError(recordId);
        if (idError != null) {
            return ValidationOutcome.invalid(index, recordId, "record_id", idError);
        }
        if ((idError = identifierError(s.subscriberId())) != null) {
            return ValidationOutcome.invalid(index, recordId, "subscriber_id", idError);
        }
        if ((idError = identifierError(s.lineId())) != null) {
            return ValidationOutcome.invalid(index, recordId, "line_id", idError);
        }
        LineType lineType = parseLineType(s.lineType());
        if (lineType == null) {
            return ValidationOutcome.invalid(index, recordId, "line_type",
                    "must be MOBILE or FIXED, got " + quoted(s.lineType()));
        }
        Technology technology = null;
        if (!isBlank(s.technology())) {
            technology = Technology.fromCode(s.technology()).orElse(null);
            if (technology == null) {
                return ValidationOutcome.invalid(index, recordId, "technology",
                        "unknown technology " + quoted(s.technology()));
            }
            if (technology.lineType() != lineType) {
                return ValidationOutcome.invalid(index, recordId, "technology",
                        technology.code() + " is not a " + lineType + " technology");
            }
        }
        LocalDate usageDate = parseIsoDate(s.usageDate());
        if (usageDate == null) {
            return ValidationOutcome.invalid(index, recordId, "usage_date",
                    "must be an ISO date YYYY-MM-DD, got " + quoted(s.usageDate()));
        }
        if (usageDate.isAfter(today)) {
            return ValidationOutcome.invalid(index, recordId, "usage_date", usageDate + " is in the future");
        }
        long bytesDown;
        long bytesUp;
        try {
            bytesDown = parseBytes(s.bytesDown());
        } catch (IllegalArgumentException e) {
            return ValidationOutcome.invalid(index, recordId, "bytes_down", e.getMessage());
        }
        try {
            bytesUp = parseBytes(s.bytesUp());
        } catch (IllegalArgumentException e) {
            return ValidationOutcome.invalid(index, recordId, "bytes_up", e.getMessage());
        }
        Boolean estimated = parseEstimated(s.estimated());
        if (estimated == null) {
            return ValidationOutcome.invalid(index, recordId, "estimated",
                    "must be true, false or empty, got " + quoted(s.estimated()));
        }
        String replaces = isBlank(s.replaces()) ? null : s.replaces();
        if (replaces != null) {
            if ((idError = identifierError(replaces)) != null) {
                return ValidationOutcome.invalid(index, recordId, "replaces", idError);
            }
            if (replaces.equals(recordId)) {
                return ValidationOutcome.invalid(index, recordId, "replaces", "a record cannot replace itself");
            }
        }
        return ValidationOutcome.valid(index, new UsageRecord(recordId, s.subscriberId(), s.lineId(), lineType,
                technology, usageDate, bytesDown, bytesUp, estimated, replaces));
    }

    private static String identifierError(String value) {
        if (isBlank(value)) {
            return "is required";
        }
        if (value.length() > 64) {
            return "is longer than 64 characters (" + value.length() + ")";
        }
        if (!isIdentifier(value)) {
            return "may only contain A-Z a-z 0-9 . _ : -, got " + quoted(value);
        }
        return null;
    }

    private static boolean isIdentifier(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Strict {@code YYYY-MM-DD}; null when the text is not a real calendar date in that form. */
    private static LocalDate parseIsoDate(String value) {
        if (value == null || value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int digits(String value, int from, int to) {
        int result = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static LineType parseLineType(String value) {
        if ("MOBILE".equals(value)) {
            return LineType.MOBILE;
        }
        if ("FIXED".equals(value)) {
            return LineType.FIXED;
        }
        return null;
    }

    private static long parseBytes(String value) {
        if (isBlank(value)) {
            throw new IllegalArgumentException("is required");
        }
        if (!isDigits(value)) {
            throw new IllegalArgumentException("must be a non-negative integer, got " + quoted(value));
        }
        // leading zeros are allowed (the value is an integer); more than 14 significant digits is past the limit
        int firstSignificant = 0;
        while (firstSignificant < value.length() - 1 && value.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        long bytes = value.length() - firstSignificant > 14 ? Long.MAX_VALUE
                : Long.parseLong(value, firstSignificant, value.length(), 10);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("exceeds the limit of " + MAX_BYTES + ", got " + quoted(value));
        }
        return bytes;
    }

    /** A plain loop: every record's two volumes pass here (a stream per value cost the intake a twentieth). */
    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Boolean parseEstimated(String value) {
        if (isBlank(value) || "false".equals(value)) {
            return Boolean.FALSE;
        }
        return "true".equals(value) ? Boolean.TRUE : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        // printable: a reason is stored and served as text, whatever bytes the value held
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "\"" + RowText.printable(shown) + "\"";
    }
}
