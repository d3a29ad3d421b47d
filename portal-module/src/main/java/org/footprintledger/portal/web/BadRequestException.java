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
        String reason = e.getOriginalMessage();
        if (location == null) {
            return new BadRequestException("the body is not valid JSON: " + reason, null, null);
        }
        return new BadRequestException("the body is not valid JSON at line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ": " + reason, location.getLineNr(), location.getColumnNr());
    }

    public Integer line() {
        return line;
    }

    public Integer column() {
        return column;
    }
}
