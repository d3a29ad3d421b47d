package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LedgerConflictException;
import org.footprintledger.footprint.api.RestatementJobs;
import org.footprintledger.footprint.api.Simulations;
import org.footprintledger.footprint.api.Simulations.JobStatus;
import org.footprintledger.footprint.api.Simulations.MonthReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restatement jobs: each month of a completed simulation is decided when the job is queued (significant, forced, below
 * the threshold, unchanged, not closed), then the months to apply are restated a page of subscribers at a time through
 * the ledger's restatement command ({@link LedgerRestatements#restatePage}). Each page commits with the month's cursor
 * (the last subscriber restated), so a job resumed after a crash goes on from the next page; and a ledger restated
 * twice under the same set records nothing the second time, so a page run again changes nothing.
 */
@Component
class LedgerRestatementJobs implements RestatementJobs {

    private static final Logger log = LoggerFactory.getLogger(LedgerRestatementJobs.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LedgerSimulations simulations;
    private final LedgerRestatements restatements;
    private final PublishedFactorSets factorSets;
    private final LedgerMonths months;
    private final Clock clock;
    private final AuditJobRunner runner;
    private final JobLease lease;
    private final BigDecimal significancePercent;
    private final int pageSize;
    private final int workers;
    private final MeterRegistry metrics;
    private final Counter ledgersRestated;

    LedgerRestatementJobs(JdbcTemplate jdbc, TransactionTemplate transactions, LedgerSimulations simulations,
                          LedgerRestatements restatements, PublishedFactorSets factorSets, LedgerMonths months,
                          Clock clock, @Lazy AuditJobRunner runner, MeterRegistry metrics,
                          @Value("${footprint.audit-jobs.lease:PT2M}") Duration leaseDuration,
                          @Value("${footprint.restatement.significance-percent:5}") BigDecimal significancePercent,
                          @Value("${footprint.restatement.page-size:1000}") int pageSize,
                          @Value("${footprint.restatement.workers:2}") int workers) {
        this.workers = Math.max(1, workers);
        if (significancePercent.signum() < 0) {
            throw new IllegalArgumentException("footprint.restatement.significance-percent cannot be negative");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.simulations = simulations;
        this.restatements = restatements;
        this.factorSets = factorSets;
        this.months = months;
        this.clock = clock;
        this.runner = runner;
        this.lease = new JobLease(jdbc, "ledger_restatement_job", "restatement_id", clock, leaseDuration);
        this.significancePercent = significancePercent;
        this.pageSize = pageSize;
        this.metrics = metrics;
        this.ledgersRestated = Counter.builder("audit.restatement.ledgers")
                .description("Ledgers restated by restatement jobs").register(metrics);
    }

    @Override
    public RestatementJob start(String simulationId, String reason, boolean force, String requestedBy) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required: customers see it with each correction");
        }
        Simulations.SimulationReport simulation = simulations.report(simulationId).orElseThrow(
                () -> new IllegalArgumentException("unknown simulation " + simulationId));
        if (simulation.simulation().status() != JobStatus.COMPLETED) {
            throw new LedgerConflictException("simulation " + simulationId + " is " + simulation.simulation().status()
                    + ": only a completed simulation is applied");
        }
        FactorSet set = publishedAsSimulated(simulation.factorSet());
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO ledger_restatement_job (restatement_id, simulation_id, factor_set_id, reason, "
                            + "forced, significance_percent, restated_at, status, requested_by, requested_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)", id, simulationId, set.id(), reason.strip(),
                    force, significancePercent.toPlainString(), Timestamp.from(now), requestedBy, Timestamp.from(now));
            for (MonthReport month : simulation.months()) {
                Decision decision = decide(month, force);
                boolean apply = decision == Decision.APPLY || decision == Decision.FORCED;
                jdbc.update("INSERT INTO ledger_restatement_job_month (restatement_id, month, decision, change_percent, "
                                + "state) VALUES (?, ?, ?, ?, ?)", id, month.month(), decision.name(),
                        month.changePercent(), apply ? "PENDING" : "SKIPPED");
            }
        });
        log.warn("restatement {} queued by {} from simulation {} ({}), forced: {}; reason: {}", id, requestedBy,
                simulationId, set.id(), force, reason);
        runner.wake();
        return job(id).orElseThrow();
    }

    /** The simulated set, which must be published as simulated: a restated month names a set of the registry. */
    private FactorSet publishedAsSimulated(FactorSet simulated) {
        FactorSet published = factorSets.byId(simulated.id()).orElseThrow(() -> new LedgerConflictException(
                "factor set " + simulated.id() + " was simulated as a draft: ops publish it first "
                        + "(POST /api/v1/ops/factor-sets), then simulate and restate the published set"));
        if (!published.canonical().equals(simulated.canonical())) {
            throw new LedgerConflictException("the published factor set " + simulated.id()
                    + " has other values than the simulated draft: simulate the published set");
        }
        return published;
    }

    /** The GHG Protocol practice: a restatement is due when the month's total changes by at least the threshold. */
    Decision decide(MonthReport month, boolean force) {
        if (!month.closed()) {
            return Decision.NOT_CLOSED;
        }
        if (month.linesChanged() == 0) {
            return Decision.UNCHANGED;
        }
        boolean significant = month.changePercent() == null
                || new BigDecimal(month.changePercent()).abs().compareTo(significancePercent) >= 0;
        if (significant) {
            return Decision.APPLY;
        }
        return force ? Decision.FORCED : Decision.BELOW_THRESHOLD;
    }

    @Override
    public Optional<RestatementJob> job(String restatementId) {
        return jdbc.query("SELECT * FROM ledger_restatement_job WHERE restatement_id = ?", this::jobOf, restatementId)
                .stream().findFirst();
    }

    @Override
    public List<RestatementJob> recent(int limit) {
        return jdbc.query("SELECT * FROM ledger_restatement_job ORDER BY requested_at DESC, restatement_id LIMIT ?",
                this::jobOf, limit);
    }

    Optional<String> claimNext() {
        return lease.claimNext();
    }

    /** Runs (or resumes) a claimed job to its end. */
    void run(String restatementId) {
        RestatementJob job = job(restatementId).orElseThrow();
        try {
            FactorSet set = factorSets.byId(job.factorSetId()).orElseThrow(
                    () -> new IllegalStateException("factor set " + job.factorSetId() + " is no longer published"));
            String reason = LedgerRestatements.fullReason(job.reason(), set);
            long total = restateMonths(restatementId, job, set, reason);
            lease.complete(restatementId);
            metrics.counter("audit.restatement.jobs", "outcome", "completed").increment();
            log.warn("restatement {} completed: {} ledgers restated under {} (this run)", restatementId, total,
                    set.id());
        } catch (RuntimeException e) {
            lease.fail(restatementId, e.getMessage());
            metrics.counter("audit.restatement.jobs", "outcome", "failed").increment();
            log.error("restatement {} failed; months done stay done", restatementId, e);
        }
    }

    /**
     * The months left, {@code footprint.restatement.workers} at a time (2 by default, as the month close's pages):
     * each month's pages in subscriber order with its own cursor, so a crash resumes every month where it stopped.
     * A month that fails fails the job once the others running beside it have ended.
     */
    private long restateMonths(String restatementId, RestatementJob job, FactorSet set, String reason) {
        List<YearMonth> pending = job.months().stream().filter(month -> month.state().equals("PENDING"))
                .map(month -> YearMonth.parse(month.month())).toList();
        ExecutorService pool = SideBySide.threads("restatement-" + restatementId, workers, pending.size());
        try {
            List<Future<Long>> restating = new ArrayList<>();
            pending.forEach(month -> restating.add(pool.submit(
                    () -> restateMonth(restatementId, month, set, reason, job.restatedAt()))));
            long total = 0;
            RuntimeException failure = null;
            for (Future<Long> month : restating) {
                try {
                    total += SideBySide.resultOf(month);
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private long restateMonth(String restatementId, YearMonth month, FactorSet set, String reason, Instant at) {
        if (months.closeCompletedAt(month).isEmpty()) {
            throw new LedgerConflictException("month " + month + " is not closed: only issued statements are restated");
        }
        months.recordRestatedSet(month, set);
        String after = jdbc.queryForObject("SELECT last_subscriber_id FROM ledger_restatement_job_month "
                + "WHERE restatement_id = ? AND month = ?", String.class, restatementId, month.toString());
        long restated = 0;
        for (List<String> page = months.subscribersOf(month, after, pageSize); !page.isEmpty();
             page = months.subscribersOf(month, page.get(page.size() - 1), pageSize)) {
            List<String> subscribers = page;
            transactions.executeWithoutResult(tx -> {
                restatements.restatePage(month, set, reason, at, subscribers);
                jdbc.update("UPDATE ledger_restatement_job_month SET last_subscriber_id = ?, "
                                + "ledgers_restated = ledgers_restated + ? WHERE restatement_id = ? AND month = ?",
                        subscribers.get(subscribers.size() - 1), subscribers.size(), restatementId, month.toString());
                lease.renew(restatementId);
            });
            restated += page.size();
            ledgersRestated.increment(page.size());
        }
        jdbc.update("UPDATE ledger_restatement_job_month SET state = 'DONE' WHERE restatement_id = ? AND month = ?",
                restatementId, month.toString());
        log.info("restatement {}: {} restated under {} ({} ledgers this run)", restatementId, month, set.id(), restated);
        return restated;
    }

    private RestatementJob jobOf(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("restatement_id");
        Timestamp completed = rs.getTimestamp("completed_at");
        List<MonthProgress> monthsOfJob = jdbc.query("SELECT * FROM ledger_restatement_job_month "
                + "WHERE restatement_id = ? ORDER BY month", (m, n) -> new MonthProgress(m.getString("month"),
                Decision.valueOf(m.getString("decision")), m.getString("change_percent"), m.getString("state"),
                m.getLong("ledgers_restated")), id);
        return new RestatementJob(id, rs.getString("simulation_id"), rs.getString("factor_set_id"),
                rs.getString("reason"), rs.getBoolean("forced"), rs.getString("significance_percent"),
                JobStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("restated_at").toInstant(),
                completed == null ? null : completed.toInstant(), rs.getString("error"), monthsOfJob);
    }
}
