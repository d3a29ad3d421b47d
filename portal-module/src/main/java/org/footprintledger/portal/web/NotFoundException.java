package org.footprintledger.portal.web;

class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
