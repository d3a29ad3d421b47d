package org.footprintledger.footprint.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The month closes recorded, for ops: when each was asked for, whether it completed, and how far a running one is. */
public interface MonthCloses {

    /** The most recently requested closes first. */
    List<MonthCloseState> recent(int limit);

    /**
     * One month's close. {@code ledgers} is the count recorded at completion; {@code ledgersDone} and
     * {@code ledgersTotal} are the progress of a close running on this node (null otherwise: finished, or run by
     * another node or interrupted, which closing again resumes).
     */
    record MonthCloseState(String month, String factorSetId, Instant requestedAt, String requestedBy,
                           Instant completedAt, Long ledgers, Long ledgersDone, Long ledgersTotal) {

        public boolean completed() {
            return completedAt != null;
        }

        public boolean runningHere() {
            return ledgersDone != null;
        }

        /** From the first request to the (last) completion; null while not completed. */
        public Duration duration() {
            return completedAt == null ? null : Duration.between(requestedAt, completedAt);
        }
    }
}
