package org.footprintledger.usage.api;

import java.time.YearMonth;
import java.util.List;

/** The counted usage behind a statement, from the stored records themselves. */
public interface UsageHistory {

    /** Per line, day and technology, in that order: every accepted, non-superseded record of the month. */
    List<DailyUsage> dailyUsage(String subscriberId, YearMonth month);
}
