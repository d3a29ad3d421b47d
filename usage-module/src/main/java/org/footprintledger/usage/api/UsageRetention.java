package org.footprintledger.usage.api;

import java.time.YearMonth;
import java.util.List;

/**
 * Retention of the personal data the usage module stores: raw usage records are dropped a whole month at a time
 * (their partition), import rejections (raw rows) by import age. Each rule has its own period (see the README).
 */
public interface UsageRetention {

    /** Applies both rules as of today: what the scheduled job does. */
    Outcome purgeExpired();

    /** The months whose records were dropped, oldest first, and the import rejections deleted. */
    record Outcome(List<YearMonth> monthsDropped, long importRejectionsDeleted) {
    }
}
