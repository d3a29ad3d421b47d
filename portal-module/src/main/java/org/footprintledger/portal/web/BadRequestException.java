package org.footprintledger.portal.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** A request the API cannot read; carries where the problem is when known. */
public class BadRequestException extends RuntimeException {

    private final Integer line;
    private final Integer column;

    public BadRequestException(String message, Integer line, Integer column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public static BadRequestException unparseable(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String reason = readable(e.getOriginalMessage());
        if (location == null) {
            return new BadRequestException("the body is not valid JSON: " + reason, null, null);
        }
        return new BadRequestException("the body is not valid JSON at line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ": " + reason, location.getLineNr(), location.getColumnNr());
    }

    /** Jackson's words without its source description (which names its own feature flags). */
    private static String readable(String message) {
        String reason = message == null ? "" : message;
        int sourceNote = reason.indexOf(" (start marker at");
        if (sourceNote >= 0) {
            reason = reason.substring(0, sourceNote);
        }
        reason = reason.replaceAll("\\s*at \\[Source:.*$", "").strip();
        return ValueKinds.namesJavaTypes(reason) || reason.isEmpty() ? "malformed JSON" : reason;
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }
}
