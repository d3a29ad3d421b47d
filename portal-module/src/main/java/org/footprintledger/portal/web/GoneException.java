package org.footprintledger.portal.web;

/** What was asked for existed and was deleted on purpose (a retention rule): 410. */
class GoneException extends RuntimeException {

    GoneException(String message) {
        super(message);
    }
}
