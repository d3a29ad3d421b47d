package org.footprintledger.content.api;

/** An item, version or comment that does not exist (404). */
public class ContentNotFoundException extends RuntimeException {

    public ContentNotFoundException(String message) {
        super(message);
    }
}
