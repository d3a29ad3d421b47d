package org.footprintledger.footprint.domain;

import org.footprintledger.footprint.api.LedgerConflictException;

/** A published factor set never changes: another set under the same id is refused. */
public class FactorSetConflictException extends LedgerConflictException {

    public FactorSetConflictException(String factorSetId) {
        super("factor set " + factorSetId + " is already published with other values; publish a new id instead");
    }
}
