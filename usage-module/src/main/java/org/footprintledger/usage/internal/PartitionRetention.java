package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.UsageRecordValidator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.footprintledger.usage.api.UsageRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention job. Raw records: a month is dropped once its last day is older than the period
 * ({@code footprint.retention.usage-records}, default P12M: CPCE art. L.34-2 for traffic data kept for billing
 * disputes), by detaching and dropping its partition (no row is deleted one by one), and the purge is recorded in
 * {@code usage_retention_purge} in the same transaction. Import rejections: deleted once their import started longer
 * ago than {@code footprint.retention.import-rejections} (default P3M), the import marked as purged.
 */
@Service
class PartitionRetention implements UsageRetention {

    private static final Logger log = LoggerFactory.getLogger(PartitionRetention.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final UsageRecordPartitions partitions;
    private final Clock clock;
    private final Period recordsPeriod;
    private final Period rejectionsPeriod;
    private final Counter partitionsDropped;
    private final Counter rejectionsDeleted;
    private final AtomicLong lastRunEpochSecond = new AtomicLong();

    PartitionRetention(JdbcTemplate jdbc, TransactionTemplate transactions, UsageRecordPartitions partitions,
                       Clock clock, MeterRegistry registry,
                       @Value("${footprint.retention.usage-records:P12M}") String recordsPeriod,
                       @Value("${footprint.retention.import-rejections:P3M}") String rejectionsPeriod) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.partitions = partitions;
        this.clock = clock;
        this.recordsPeriod = positive(recordsPeriod, "footprint.retention.usage-records");
        this.rejectionsPeriod = positive(rejectionsPeriod, "footprint.retention.import-rejections");
        this.partitionsDropped = Counter.builder("usage.retention.partitions.dropped")
                .description("Monthly partitions of raw usage records dropped by the retention rule")
                .register(registry);
        this.rejectionsDeleted = Counter.builder("usage.retention.import.rejections.deleted")
                .description("Rejected import rows (raw rows) deleted by their retention rule")
                .register(registry);
        Gauge.builder("usage.retention.last.run", lastRunEpochSecond, AtomicLong::get)
                .description("When the retention job last completed (epoch seconds; 0: not since start)")
                .baseUnit("seconds").register(registry);
    }

    private static Period positive(String value, String property) {
        Period period = Period.parse(value);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive ISO period such as P12M, got " + value);
        }
        return period;
    }

    /** The first month whose records are kept today: every month before it ended longer ago than the period. */
    static YearMonth firstKeptMonth(LocalDate today, Period period) {
        return YearMonth.from(today.minus(period));
    }

    @Scheduled(cron = "${footprint.retention.cron:0 45 3 * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void scheduled() {
        purgeExpired();
    }

    @Override
    public Outcome purgeExpired() {
        LocalDate today = LocalDate.now(clock.withZone(UsageRecordValidator.USAGE_ZONE));
        YearMonth firstKept = firstKeptMonth(today, recordsPeriod);
        List<YearMonth> dropped = dropMonthsBefore(firstKept, "durée de conservation " + recordsPeriod);
        long rejections = deleteRejectionsOfImportsBefore(today.minus(rejectionsPeriod));
        Instant ranAt = clock.instant();
        jdbc.update("INSERT INTO usage_retention_run (run_at, first_kept_month, months_dropped, rejections_deleted) "
                + "VALUES (?, ?, ?, ?)", timestamp(ranAt), firstKept.atDay(1),
                String.join(" ", dropped.stream().map(YearMonth::toString).toList()), rejections);
        lastRunEpochSecond.set(ranAt.getEpochSecond());
        return new Outcome(dropped, rejections);
    }

    @Override
    public Optional<Instant> rejectionsPurgedAt(String importId) {
        return jdbc.query("SELECT rejections_purged_at FROM usage_import WHERE import_id = ? "
                        + "AND rejections_purged_at IS NOT NULL",
                (rs, n) -> rs.getTimestamp(1).toInstant(), importId).stream().findFirst();
    }

    @Override
    public List<Run> recentRuns(int limit) {
        return jdbc.query("SELECT run_at, first_kept_month, months_dropped, rejections_deleted FROM usage_retention_run "
                + "ORDER BY run_at DESC LIMIT ?", (rs, n) -> new Run(rs.getTimestamp(1).toInstant(),
                        YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getString(3).isEmpty() ? List.of()
                                : java.util.Arrays.stream(rs.getString(3).split(" ")).map(YearMonth::parse).toList(),
                        rs.getLong(4)), limit);
    }

    private List<YearMonth> dropMonthsBefore(YearMonth firstKept, String rule) {
        List<YearMonth> dropped = new ArrayList<>();
        for (YearMonth month : partitions.existing().headSet(firstKept, false)) {
            long started = System.nanoTime();
            boolean droppedHere = Boolean.TRUE.equals(transactions.execute(tx -> {
                jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", UsageRecordPartitions.PARTITION_LOCK);
                if (!partitions.existing().contains(month)) {
                    return false; // another node's job dropped it meanwhile
                }
                String table = UsageRecordPartitions.tableOf(month);
                jdbc.execute("ALTER TABLE usage_record DETACH PARTITION " + table);
                jdbc.execute("DROP TABLE " + table);
                jdbc.update("INSERT INTO usage_retention_purge (usage_month, dropped_at, rule) VALUES (?, ?, ?) "
                        + "ON CONFLICT (usage_month) DO UPDATE SET dropped_at = EXCLUDED.dropped_at, "
                        + "rule = EXCLUDED.rule", month.atDay(1), timestamp(clock.instant()), rule);
                return true;
            }));
            partitions.forget(month);
            if (!droppedHere) {
                continue;
            }
            partitionsDropped.increment();
            dropped.add(month);
            log.info("retention: raw usage records of {} dropped (partition {}, {}) in {} ms", month,
                    UsageRecordPartitions.tableOf(month), rule, (System.nanoTime() - started) / 1_000_000);
        }
        return dropped;
    }

    private long deleteRejectionsOfImportsBefore(LocalDate cutoff) {
        Long deleted = transactions.execute(tx -> {
            Instant before = cutoff.atStartOfDay(UsageRecordValidator.USAGE_ZONE).toInstant();
            int rows = jdbc.update("DELETE FROM usage_import_rejection r USING usage_import i "
                    + "WHERE r.import_id = i.import_id AND i.status <> 'RUNNING' AND i.started_at < ?",
                    timestamp(before));
            jdbc.update("UPDATE usage_import SET rejections_purged_at = ? WHERE status <> 'RUNNING' "
                    + "AND started_at < ? AND rejected > 0 AND rejections_purged_at IS NULL",
                    timestamp(clock.instant()), timestamp(before));
            return (long) rows;
        });
        if (deleted > 0) {
            rejectionsDeleted.increment(deleted);
            log.info("retention: {} rejected import rows of imports started before {} deleted", deleted, cutoff);
        }
        return deleted;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
