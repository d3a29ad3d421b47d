package org.footprintledger.portal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Error messages in the words of the API, never in Java's: the kind of value a parameter or field expects ("a month
 * yyyy-MM", "a whole number"), and a last check that a message names no Java type.
 */
final class ValueKinds {

    /**
     * A qualified Java class name ({@code java.time.LocalDate}, {@code org.footprintledger.….LineType}); a property
     * name ({@code footprint.retention.import-rejections}) is not one.
     */
    private static final Pattern QUALIFIED_TYPE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*");
    private static final Pattern JAVA_WORDING = Pattern.compile("No enum constant|`|\\bjava\\.[a-z]|Cannot "
            + "(?:deserialize|construct|coerce)|Failed to convert");

    private ValueKinds() {
    }

    static String kind(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type == YearMonth.class) {
            return "a month yyyy-MM";
        }
        if (type == LocalDate.class) {
            return "a date yyyy-MM-dd";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an instant such as 2026-11-05T10:00:00Z";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    static boolean namesJavaTypes(String message) {
        return message != null && (QUALIFIED_TYPE.matcher(message).find() || JAVA_WORDING.matcher(message).find());
    }
}
