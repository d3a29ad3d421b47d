package org.footprintledger.usage.api;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The counted usage behind a statement, from the stored records themselves. */
public interface UsageHistory {

    /** Per line, day and technology, in that order: every accepted, non-superseded record of the month. */
    List<DailyUsage> dailyUsage(String subscriberId, YearMonth month);

    /** When the retention rule dropped the month's records, if it did: the daily detail is then gone for everyone. */
    Optional<DetailPurge> detailPurge(YearMonth month);
}
