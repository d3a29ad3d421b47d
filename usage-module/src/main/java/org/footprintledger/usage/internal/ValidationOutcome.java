package org.footprintledger.usage.internal;

import org.footprintledger.usage.api.RecordRejection;

/** Either a valid record or the rejection of the submission, never both. */
record ValidationOutcome(long index, UsageRecord record, RecordRejection rejection) {

    static ValidationOutcome valid(long index, UsageRecord record) {
        return new ValidationOutcome(index, record, null);
    }

    static ValidationOutcome invalid(long index, String recordId, String field, String reason) {
        return new ValidationOutcome(index, null, new RecordRejection(index, recordId, field, reason));
    }

    boolean isValid() {
        return record != null;
    }
}
