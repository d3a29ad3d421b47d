package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.footprintledger.footprint.api.Canonical;
import org.footprintledger.footprint.api.CsvWriter;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.Simulations;
import org.footprintledger.footprint.domain.LineMonthFootprint;
import org.footprintledger.footprint.domain.SimulatedMonth;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Simulations as jobs: queued here, run by {@link AuditJobRunner} a month at a time (each month's report committed with
 * the job's progress, so a job resumed after a crash goes on from the next month). Reads only the statement read model
 * ({@code ledger_statement_line}) and writes only its own tables: the ledger is never touched.
 */
@Component
class LedgerSimulations implements Simulations {

    private static final Logger log = LoggerFactory.getLogger(LedgerSimulations.class);
    static final int MAX_MONTHS = 36;
    private static final int LARGEST_KEPT = 20;
    /** The technologies by their feed code (a null code is none), looked up once per line. */
    private static final java.util.Map<String, Technology> TECHNOLOGIES = java.util.Arrays.stream(Technology.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Technology::code, t -> t));
    private static final String CLOSED = " FROM ledger_statement_line WHERE month = ? AND status = 'CLOSED' "
            + "AND shown_records > 0";
    private static final String CLOSED_LINES = "SELECT subscriber_id, line_id, line_type, technology, factor_set_id, "
            + "bytes, records, exact_grams, co2e_grams" + CLOSED;
    private static final String SIMULATED_COLUMNS = "SELECT subscriber_id, line_id, line_type, technology, bytes, "
            + "records, exact_grams" + CLOSED;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate transactions;
    private final PublishedFactorSets factorSets;
    private final LedgerMonths months;
    private final Clock clock;
    private final AuditJobRunner runner;
    private final JobLease lease;
    private final MeterRegistry metrics;
    private final Timer duration;
    private final Counter lines;
    private final int threads;

    LedgerSimulations(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transactions,
                      PublishedFactorSets factorSets, LedgerMonths months, Clock clock,
                      @Lazy AuditJobRunner runner, MeterRegistry metrics,
                      @Value("${footprint.audit-jobs.lease:PT2M}") Duration leaseDuration,
                      @Value("${footprint.audit-jobs.simulation-threads:0}") int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(5000);
        this.transactions = transactions;
        this.factorSets = factorSets;
        this.months = months;
        this.clock = clock;
        this.runner = runner;
        this.lease = new JobLease(jdbc, "ledger_simulation", "simulation_id", clock, leaseDuration);
        this.metrics = metrics;
        this.duration = Timer.builder("audit.simulation.duration").description("Time a simulation job ran")
                .register(metrics);
        this.lines = Counter.builder("audit.simulation.lines").description("Line-months simulated")
                .register(metrics);
    }

    @Override
    public SimulationJob start(SimulationRequest request, String requestedBy) {
        if ((request.factorSetId() == null) == (request.draft() == null)) {
            throw new IllegalArgumentException("give either factorSetId (a published set) or draft (a set to try)");
        }
        YearMonth from = month(request.from(), "from");
        YearMonth to = month(request.to(), "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        long count = from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        if (count > MAX_MONTHS) {
            throw new IllegalArgumentException("a simulation covers at most " + MAX_MONTHS + " months, got " + count);
        }
        FactorSet set = request.draft() != null ? draft(request.draft()) : factorSets.byId(request.factorSetId())
                .orElseThrow(() -> new IllegalArgumentException("unknown factor set " + request.factorSetId()));
        boolean draft = factorSets.byId(set.id()).isEmpty();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            if (!set.inForceFor(month)) {
                throw new IllegalArgumentException("factor set " + set.id() + " does not cover " + month);
            }
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO ledger_simulation (simulation_id, factor_set_id, draft, factor_set, month_from, "
                        + "month_to, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)",
                id, set.id(), draft, FactorSetJson.write(set), from.toString(), to.toString(), requestedBy,
                Timestamp.from(now));
        log.info("simulation {} queued by {}: {} ({}) over {} to {}", id, requestedBy, set.id(),
                draft ? "draft" : "published", from, to);
        runner.wake();
        return job(id).orElseThrow();
    }

    /** A draft may not reuse the id of a published set with other values (it would read as that set). */
    private FactorSet draft(FactorSet draft) {
        factorSets.byId(draft.id()).ifPresent(published -> {
            if (!published.canonical().equals(draft.canonical())) {
                throw new IllegalArgumentException("draft.id " + draft.id() + " is the id of a published set with "
                        + "other values: give the draft an id of its own");
            }
        });
        return draft;
    }

    private static YearMonth month(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required (a month yyyy-MM)");
        }
        try {
            return YearMonth.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a month yyyy-MM, got \"" + value + "\"");
        }
    }

    @Override
    public Optional<SimulationJob> job(String simulationId) {
        return jdbc.query("SELECT * FROM ledger_simulation WHERE simulation_id = ?", LedgerSimulations::jobOf,
                simulationId).stream().findFirst();
    }

    @Override
    public List<SimulationJob> recent(int limit) {
        return jdbc.query("SELECT * FROM ledger_simulation ORDER BY requested_at DESC, simulation_id LIMIT ?",
                LedgerSimulations::jobOf, limit);
    }

    @Override
    public Optional<SimulationReport> report(String simulationId) {
        return job(simulationId).map(job -> new SimulationReport(job, setOf(simulationId),
                jdbc.query("SELECT report FROM ledger_simulation_month WHERE simulation_id = ? ORDER BY month",
                        (rs, n) -> AuditJobJson.read(rs.getString(1)), simulationId)));
    }

    FactorSet setOf(String simulationId) {
        return FactorSetJson.read(jdbc.queryForObject("SELECT factor_set FROM ledger_simulation WHERE simulation_id = ?",
                String.class, simulationId));
    }

    @Override
    public void writeLines(String simulationId, Writer out) throws IOException {
        SimulationJob job = job(simulationId).orElseThrow(
                () -> new IllegalArgumentException("unknown simulation " + simulationId));
        FactorSet set = setOf(simulationId);
        CsvWriter csv = new CsvWriter(out);
        csv.row("month", "subscriber_key", "line_key", "line_type", "technology", "bytes", "records",
                "shown_factor_set_id", "shown_exact_grams", "shown_grams", "simulated_factor_set_id",
                "simulated_exact_grams", "simulated_grams", "difference_exact_grams", "difference_percent");
        for (YearMonth month = YearMonth.parse(job.from()); !month.isAfter(YearMonth.parse(job.to()));
             month = month.plusMonths(1)) {
            String m = month.toString();
            transactions.executeWithoutResult(tx -> cursor.query(CLOSED_LINES + " ORDER BY subscriber_id, line_id",
                    rs -> {
                        LineMonthFootprint simulated = SimulatedMonth.simulated(set,
                                LineType.valueOf(rs.getString("line_type")), technology(rs), rs.getLong("bytes"),
                                rs.getLong("records"));
                        java.math.BigDecimal shown = new java.math.BigDecimal(rs.getString("exact_grams"));
                        String percent = SimulatedMonth.changePercent(shown, simulated.co2eGrams());
                        try {
                            csv.row(m, rs.getString("subscriber_id"), rs.getString("line_id"),
                                    rs.getString("line_type"), rs.getString("technology"), rs.getLong("bytes"),
                                    rs.getLong("records"), rs.getString("factor_set_id"), rs.getString("exact_grams"),
                                    rs.getLong("co2e_grams"), set.id(), simulated.exactGrams(),
                                    simulated.displayedGrams(),
                                    Canonical.decimal(simulated.co2eGrams().subtract(shown)), percent);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, m));
        }
        csv.flush();
    }

    /**
     * Runs (or resumes) a claimed simulation to its end. The months left are computed side by side
     * ({@code footprint.audit-jobs.simulation-threads}, by default one per core: each month is one read of the read
     * model and the ledger's formula over its lines, independent of the others) and stored in month order, each with
     * the job's progress in one transaction, so a crash resumes after the last month stored.
     */
    void run(String simulationId) {
        SimulationJob job = job(simulationId).orElseThrow();
        FactorSet set = setOf(simulationId);
        Timer.Sample sample = Timer.start(metrics);
        List<YearMonth> left = new ArrayList<>();
        int monthIndex = 0;
        for (YearMonth month = YearMonth.parse(job.from()); !month.isAfter(YearMonth.parse(job.to()));
             month = month.plusMonths(1), monthIndex++) {
            if (monthIndex >= job.monthsDone()) {
                left.add(month);
            }
        }
        ExecutorService computing = SideBySide.threads("simulation-" + simulationId, threads, left.size());
        try {
            List<Future<SimulatedMonth>> computed = new ArrayList<>();
            left.forEach(month -> computed.add(computing.submit(() -> simulate(month, set))));
            for (int i = 0; i < left.size(); i++) {
                SimulatedMonth simulated = SideBySide.resultOf(computed.get(i));
                YearMonth done = left.get(i);
                boolean closed = months.closeCompletedAt(done).isPresent();
                transactions.executeWithoutResult(tx -> {
                    jdbc.update("INSERT INTO ledger_simulation_month (simulation_id, month, report) VALUES (?, ?, ?) "
                                    + "ON CONFLICT (simulation_id, month) DO UPDATE SET report = EXCLUDED.report",
                            simulationId, done.toString(), AuditJobJson.write(simulated.report(closed)));
                    jdbc.update("UPDATE ledger_simulation SET months_done = months_done + 1, "
                            + "lines_done = lines_done + ? WHERE simulation_id = ?", simulated.lines(), simulationId);
                    lease.renew(simulationId);
                });
                lines.increment(simulated.lines());
            }
            lease.complete(simulationId);
            long millis = Duration.ofNanos(sample.stop(duration)).toMillis();
            metrics.counter("audit.simulations", "outcome", "completed").increment();
            log.info("simulation {} of {} over {} to {} completed in {} ms", simulationId, set.id(), job.from(),
                    job.to(), millis);
        } catch (RuntimeException e) {
            sample.stop(duration);
            lease.fail(simulationId, e.getMessage());
            metrics.counter("audit.simulations", "outcome", "failed").increment();
            log.error("simulation {} failed", simulationId, e);
        } finally {
            computing.shutdownNow();
        }
    }

    private SimulatedMonth simulate(YearMonth month, FactorSet set) {
        SimulatedMonth simulated = new SimulatedMonth(month.toString(), set, LARGEST_KEPT);
        transactions.executeWithoutResult(tx -> cursor.query(SIMULATED_COLUMNS, rs -> {
            simulated.add(rs.getString(1), rs.getString(2), LineType.valueOf(rs.getString(3)),
                    technologyOf(rs.getString(4)), rs.getString(7), rs.getLong(5),
                    rs.getLong(6));
        }, month.toString()));
        return simulated;
    }

    Optional<String> claimNext() {
        return lease.claimNext();
    }

    private static Technology technologyOf(String code) {
        return code == null ? null : TECHNOLOGIES.get(code);
    }

    private static Technology technology(ResultSet rs) throws SQLException {
        return Technology.fromCode(rs.getString("technology")).orElse(null);
    }

    private static SimulationJob jobOf(ResultSet rs, int row) throws SQLException {
        YearMonth from = YearMonth.parse(rs.getString("month_from"));
        YearMonth to = YearMonth.parse(rs.getString("month_to"));
        Timestamp completed = rs.getTimestamp("completed_at");
        return new SimulationJob(rs.getString("simulation_id"), rs.getString("factor_set_id"), rs.getBoolean("draft"),
                from.toString(), to.toString(), JobStatus.valueOf(rs.getString("status")),
                (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1, rs.getInt("months_done"),
                rs.getLong("lines_done"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                completed == null ? null : completed.toInstant(), rs.getString("error"));
    }
}
