package org.footprintledger.footprint.api;

import java.time.YearMonth;
import java.util.List;

/**
 * The auditors' tools when factors change: compare what a closed month's statements show with what another factor set
 * gives on the same usage, then restate (each changed figure becomes a correction customers see, never a silent change).
 */
public interface Restatements {

    Comparison compare(YearMonth month, String factorSetId);

    RestatementReport restate(YearMonth month, String factorSetId, String reason, String requestedBy);

    /** One line whose figure would change. */
    record Difference(String subscriberId, String lineId, String shownFactorSetId, long shownGrams,
                      String shownExactGrams, long restatedGrams, String restatedExactGrams) {
    }

    /** Lines compared, how many would change, and the first of them (at most 1 000). */
    record Comparison(String month, String factorSetId, long linesCompared, long linesChanged,
                      List<Difference> firstDifferences) {
    }

    record RestatementReport(String month, String factorSetId, long ledgersRestated, long durationMillis) {
    }
}
