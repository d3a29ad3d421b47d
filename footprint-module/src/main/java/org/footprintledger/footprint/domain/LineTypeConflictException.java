package org.footprintledger.footprint.domain;

import org.footprintledger.footprint.api.LedgerConflictException;
import org.footprintledger.vocabulary.LineType;

/** A line keeps one line type for ever; a fact saying otherwise is refused. */
public class LineTypeConflictException extends LedgerConflictException {

    public LineTypeConflictException(String lineId, LineType known, LineType claimed) {
        super("line " + lineId + " is " + known + ", not " + claimed);
    }
}
