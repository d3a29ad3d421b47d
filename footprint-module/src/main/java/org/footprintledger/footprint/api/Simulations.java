package org.footprintledger.footprint.api;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What-if simulations, run as jobs: the closed statements of a period of months computed again under a factor set (a
 * published one, or a draft that exists only inside the simulation), changing nothing in the ledger. The "before" is the
 * statement read model; the "after" is the ledger's own formula applied to the ledger's counted usage of each line.
 */
public interface Simulations {

    /** Queues a simulation; the job runs in the background. Refuses a period or set it cannot run. */
    SimulationJob start(SimulationRequest request, String requestedBy);

    Optional<SimulationJob> job(String simulationId);

    /** The most recent simulations first. */
    List<SimulationJob> recent(int limit);

    /** The report of a completed simulation (empty when unknown; months done so far while running). */
    Optional<SimulationReport> report(String simulationId);

    /**
     * Writes one CSV row per line-month of the period: the figures shown now and those the simulated set gives. The
     * rows are computed at download time from the read model, so a line restated since shows its new figures.
     */
    void writeLines(String simulationId, Writer out) throws IOException;

    /** A period and a set: {@code factorSetId} of a published set, or {@code draft} (never both). */
    record SimulationRequest(String factorSetId, FactorSet draft, String from, String to) {
    }

    enum JobStatus { QUEUED, RUNNING, COMPLETED, FAILED }

    record SimulationJob(String simulationId, String factorSetId, boolean draft, String from, String to,
                         JobStatus status, int monthsTotal, int monthsDone, long linesDone, String requestedBy,
                         Instant requestedAt, Instant completedAt, String error) {
    }

    /** The report: one entry per month of the period, in month order. */
    record SimulationReport(SimulationJob simulation, FactorSet factorSet, List<MonthReport> months) {
    }

    /**
     * One month: totals before and after (exact decimals, and the sum of the displayed grams), lines and statements
     * compared and changed, the distribution of per-line differences, and the largest changes.
     *
     * @param closed whether the month was closed (an open month has no statement to restate, so nothing is compared)
     * @param changePercent (after − before) / before × 100 of the exact totals, 4 decimals half-up; null when before is 0
     */
    record MonthReport(String month, boolean closed, long linesCompared, long linesChanged, long statementsCompared,
                       long statementsChanged, String exactGramsBefore, String exactGramsAfter, long gramsBefore,
                       long gramsAfter, String exactDifference, String changePercent, Distribution differenceGrams,
                       Distribution differencePercent, List<LineChange> largestChanges) {
    }

    /**
     * The distribution of per-line differences (after − before), by the nearest-rank rule: the q-quantile of n sorted
     * values is the value at rank ceil(q × n). Grams are exact; percents are rounded half-up to 4 decimals and leave
     * out lines whose figure was 0. All null when no line was compared.
     */
    record Distribution(long count, String min, String q1, String median, String q3, String p95, String max) {
    }

    /** One line-month whose figure changes. */
    record LineChange(String subscriberId, String lineId, String lineType, String technology, String exactGramsBefore,
                      String exactGramsAfter, long gramsBefore, long gramsAfter, String exactDifference) {
    }
}
