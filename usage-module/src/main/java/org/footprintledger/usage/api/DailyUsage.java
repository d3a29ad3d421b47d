package org.footprintledger.usage.api;

import java.time.LocalDate;

/**
 * The counted usage of one line on one day with one technology: the accepted records that are not superseded, how
 * many of them are estimated, and their octets (down + up).
 */
public record DailyUsage(String lineId, LocalDate usageDate, String technology, long records, long estimatedRecords,
                         long bytes) {
}
