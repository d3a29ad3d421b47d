package org.footprintledger.usage.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Retention of the personal data the usage module stores: raw usage records are dropped a whole month at a time
 * (their partition), import rejections (raw rows) by import age. Each rule has its own period (see the README).
 */
public interface UsageRetention {

    /** Applies both rules as of today: what the scheduled job does. */
    Outcome purgeExpired();

    /** When the rejected rows of that import were deleted by their retention rule, if they were. */
    Optional<Instant> rejectionsPurgedAt(String importId);

    /** The latest runs first (every node's): when each ran and what it removed. */
    List<Run> recentRuns(int limit);

    /** One run: records of months before {@code firstKeptMonth} are gone; those it dropped itself, and the rows. */
    record Run(Instant ranAt, YearMonth firstKeptMonth, List<YearMonth> monthsDropped, long importRejectionsDeleted) {
    }

    /** The months whose records were dropped, oldest first, and the import rejections deleted. */
    record Outcome(List<YearMonth> monthsDropped, long importRejectionsDeleted) {
    }
}
