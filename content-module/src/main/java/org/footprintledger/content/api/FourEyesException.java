package org.footprintledger.content.api;

/**
 * The four-eyes rule refused a publication: the account that submitted the version may not publish it (409, as any
 * move the content rules refuse as things stand; another editor may make it).
 */
public class FourEyesException extends ContentConflictException {

    public FourEyesException(String message) {
        super(message);
    }
}
