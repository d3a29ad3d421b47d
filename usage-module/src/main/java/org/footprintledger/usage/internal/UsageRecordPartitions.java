package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.UsageRecordValidator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of {@code usage_record} (one per usage month, {@code usage_record_pYYYY_MM}). They are
 * created ahead (this month and the next ones, at start and daily) and on demand for a late or old month, each in a
 * short transaction of its own: creating a partition locks the parent table, which an intake batch must not hold
 * until its commit. Months are remembered once seen, so the intake asks the catalog only for a month it does not know.
 */
@Component
class UsageRecordPartitions {

    private static final Logger log = LoggerFactory.getLogger(UsageRecordPartitions.class);
    /** Serialises partition changes between nodes (creation and retention's detach). */
    static final long PARTITION_LOCK = 0x75736167655F7074L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final int monthsAhead;
    private final NavigableSet<YearMonth> known = new ConcurrentSkipListSet<>();

    UsageRecordPartitions(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
                          @Value("${footprint.usage-partitions.months-ahead:2}") int monthsAhead) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.monthsAhead = monthsAhead;
    }

    static String tableOf(YearMonth month) {
        return String.format("usage_record_p%04d_%02d", month.getYear(), month.getMonthValue());
    }

    /** This month and the next {@code months-ahead}, so that the feed of a new month never waits for a partition. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${footprint.usage-partitions.cron:0 15 0 * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void createAhead() {
        YearMonth current = YearMonth.from(LocalDate.now(clock.withZone(UsageRecordValidator.USAGE_ZONE)));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i <= monthsAhead; i++) {
            months.add(current.plusMonths(i));
        }
        ensure(months);
    }

    /** Makes sure every month named has its partition; call outside any transaction that writes usage records. */
    void ensure(Collection<YearMonth> months) {
        Set<YearMonth> missing = new TreeSet<>(months);
        missing.removeAll(known);
        if (missing.isEmpty()) {
            return;
        }
        known.addAll(existing());
        missing.removeAll(known);
        if (missing.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(tx -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", PARTITION_LOCK);
            Set<YearMonth> present = existing();
            for (YearMonth month : missing) {
                if (!present.contains(month)) {
                    jdbc.execute("CREATE TABLE " + tableOf(month) + " PARTITION OF usage_record FOR VALUES FROM ('"
                            + month.atDay(1) + "') TO ('" + month.plusMonths(1).atDay(1) + "')");
                    log.info("usage records: partition {} created for {}", tableOf(month), month);
                }
            }
        });
        known.addAll(missing);
    }

    /** The months that have a partition now, oldest first, read from the catalog. */
    NavigableSet<YearMonth> existing() {
        NavigableSet<YearMonth> months = new TreeSet<>();
        jdbc.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                        + "WHERE i.inhparent = 'usage_record'::regclass",
                rs -> {
                    String name = rs.getString(1);
                    if (name.matches("usage_record_p\\d{4}_\\d{2}")) {
                        months.add(YearMonth.of(Integer.parseInt(name.substring(14, 18)),
                                Integer.parseInt(name.substring(19, 21))));
                    }
                });
        return months;
    }

    /** Forgets a month whose partition retention dropped (it may come back only by {@link #ensure}). */
    void forget(YearMonth month) {
        known.remove(month);
    }
}
