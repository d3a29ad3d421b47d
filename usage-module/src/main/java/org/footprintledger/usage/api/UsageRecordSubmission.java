package org.footprintledger.usage.api;

import java.util.List;

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

    /** The columns of the CSV feed, in order (contract.md); also the names fields are reported by. */
    public static final List<String> CSV_COLUMNS = List.of("record_id", "subscriber_id", "line_id", "line_type",
            "technology", "usage_date", "bytes_down", "bytes_up", "estimated", "replaces");

    /** The header row every feed file starts with. */
    public static final String CSV_HEADER = String.join(",", CSV_COLUMNS);
}
