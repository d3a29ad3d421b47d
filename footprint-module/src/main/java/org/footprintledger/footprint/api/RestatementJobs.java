package org.footprintledger.footprint.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Restatements applied from a completed simulation, as jobs over every month of its period, through the ledger's own
 * restatement command: each changed figure becomes a correction customers see. A job's progress is persisted page by
 * page, so a job interrupted by a crash resumes where it stopped; applying the same set again changes nothing. A month
 * whose total changes by less than the significance threshold is reported and applied only when forced.
 */
public interface RestatementJobs {

    /** Queues a restatement of the simulation's months; refused (409) when the simulation cannot be applied. */
    RestatementJob start(String simulationId, String reason, boolean force, String requestedBy);

    Optional<RestatementJob> job(String restatementId);

    List<RestatementJob> recent(int limit);

    enum Decision {
        /** the month's total changes by at least the threshold */
        APPLY,
        /** below the threshold, applied because the request forced it */
        FORCED,
        /** below the threshold and not forced: reported, not applied */
        BELOW_THRESHOLD,
        /** no figure changes: nothing to correct */
        UNCHANGED,
        /** the month is not closed: no statement to restate */
        NOT_CLOSED
    }

    record MonthProgress(String month, Decision decision, String changePercent, String state, long ledgersRestated) {
    }

    record RestatementJob(String restatementId, String simulationId, String factorSetId, String reason, boolean force,
                          String significancePercent, Simulations.JobStatus status, String requestedBy,
                          Instant requestedAt, Instant restatedAt, Instant completedAt, String error,
                          List<MonthProgress> months) {
    }
}
