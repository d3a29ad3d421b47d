package org.footprintledger.usage.api;

/**
 * One usage record as the mediation system sends it, every field still as text so that the CSV file and the JSON
 * endpoint go through the same validation and report the same errors.
 */
public record UsageRecordSubmission(
        String recordId,
        String subscriberId,
        String lineId,
        String lineType,
        String technology,
        String usageDate,
        String bytesDown,
        String bytesUp,
        String estimated,
        String replaces) {
}
