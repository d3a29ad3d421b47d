package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.RowText;

/**
 * A rejected row of a file as stored: its line, the record id in printable form, the reason (built of printable
 * parts: the validator quotes values in printable form) and the raw row in printable form.
 */
record ImportRejection(long lineNumber, String recordId, String field, String reason, String rawRow) {

    static ImportRejection of(long lineNumber, String recordId, String field, String reason, String rawRow) {
        return new ImportRejection(lineNumber, RowText.printable(recordId), field, reason, rawRow);
    }
}
