package org.footprintledger.content.api;

/** Input the content module refuses (400): names the field at fault. */
public class ContentInputException extends RuntimeException {

    private final String field;

    public ContentInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
