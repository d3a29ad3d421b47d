package org.footprintledger.usage.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

/** A usage record that passed every rule of the feed's column table. */
public record UsageRecord(
        String recordId,
        String subscriberId,
        String lineId,
        LineType lineType,
        Technology technology,
        LocalDate usageDate,
        long bytesDown,
        long bytesUp,
        boolean estimated,
        String replaces) {

    public long bytes() {
        return bytesDown + bytesUp;
    }

    public YearMonth month() {
        // the same month as YearMonth.from(usageDate), without its generic temporal look-ups (read many times a record)
        return YearMonth.of(usageDate.getYear(), usageDate.getMonthValue());
    }

    /** Two records with the same id are duplicates when this holds, conflicts otherwise. */
    public boolean sameContentAs(UsageRecord other) {
        return equals(other);
    }
}
