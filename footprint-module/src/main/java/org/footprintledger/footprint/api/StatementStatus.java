package org.footprintledger.footprint.api;

public enum StatementStatus {
    OPEN,
    CLOSED
}
