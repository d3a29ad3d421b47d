package org.footprintledger.portal.web;

/** What was asked for existed and was deleted on purpose (a retention rule): 410. */
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
