package org.footprintledger.content.api;

/** A request that contradicts the current state (409): a transition not allowed, a second survey in a quarter. */
public class ContentConflictException extends RuntimeException {

    public ContentConflictException(String message) {
        super(message);
    }
}
