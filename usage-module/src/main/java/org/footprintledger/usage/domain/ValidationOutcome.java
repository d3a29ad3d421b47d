package org.footprintledger.usage.domain;

import org.footprintledger.usage.api.RecordRejection;

/** Either a valid record or the rejection of the submission, never both. */
public record ValidationOutcome(long index, UsageRecord record, RecordRejection rejection) {

    public static ValidationOutcome valid(long index, UsageRecord record) {
        return new ValidationOutcome(index, record, null);
    }

    public static ValidationOutcome invalid(long index, String recordId, String field, String reason) {
        return new ValidationOutcome(index, null, new RecordRejection(index, recordId, field, reason));
    }

    public boolean isValid() {
        return record != null;
    }
}
