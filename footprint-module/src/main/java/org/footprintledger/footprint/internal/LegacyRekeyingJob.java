package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.footprintledger.footprint.api.LegacyRekeying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-keys, in the background, the subscribers whose streams an earlier release wrote under their clear id (ADR 0013,
 * "Databases made by an earlier release"), so an upgraded database becomes pseudonymous as a whole without anyone
 * being erased. Page by page ({@code footprint.rekeying.legacy.page-size} subscribers per transaction), each page
 * holding the ledger's append lock to its end (appends wait, and are refused afterwards for a re-keyed stream: the
 * writers' retry goes under the new key) and rewriting the kept chain digests once. One node at a time: a page takes
 * a transaction-scoped try-lock and a run stops when another node holds it. A run yields to a month close or a
 * restatement job in progress (their pages name streams by the keys they read) and picks up at the next round.
 * Metrics: {@code ledger.legacy.subscribers} (left to re-key), {@code ledger.legacy.rekeyed} and
 * {@code ledger.legacy.skipped} (a chain that does not verify: left under its id, not tried again); one log line a
 * page.
 */
@Component
class LegacyRekeyingJob implements LegacyRekeying {

    private static final Logger log = LoggerFactory.getLogger(LegacyRekeyingJob.class);
    /** The advisory lock key of a page of this job (any fixed value no other lock uses). */
    static final long JOB_LOCK = 0x4c45474b45594a42L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LegacyStreamRekeying rekeying;
    private final boolean enabled;
    private final int pageSize;
    private final AtomicLong left = new AtomicLong();
    private final Counter rekeyed;
    private final Counter skipped;

    LegacyRekeyingJob(JdbcTemplate jdbc, TransactionTemplate transactions, LegacyStreamRekeying rekeying,
                      MeterRegistry metrics,
                      @Value("${footprint.rekeying.legacy.enabled:true}") boolean enabled,
                      @Value("${footprint.rekeying.legacy.page-size:50}") int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("footprint.rekeying.legacy.page-size must be at least 1");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rekeying = rekeying;
        this.enabled = enabled;
        this.pageSize = pageSize;
        Gauge.builder("ledger.legacy.subscribers", left, AtomicLong::get)
                .description("Subscribers whose ledger streams an earlier release wrote under their id, left to "
                        + "re-key (those whose chain does not verify included)").register(metrics);
        this.rekeyed = Counter.builder("ledger.legacy.rekeyed")
                .description("Legacy subscribers re-keyed by the background job").register(metrics);
        this.skipped = Counter.builder("ledger.legacy.skipped")
                .description("Legacy subscribers the background job left under their id: a chain does not verify")
                .register(metrics);
    }

    @Override
    public long subscribersLeft() {
        return left.get();
    }

    @Override
    public Run rekeyNow() {
        return run();
    }

    /** The gauge's first value, before the first run. */
    @EventListener(ApplicationReadyEvent.class)
    void countAtStart() {
        left.set(legacyLeft());
    }

    @Scheduled(cron = "${footprint.rekeying.legacy.cron:0 */5 * * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void scheduled() {
        if (enabled) {
            try {
                run();
            } catch (RuntimeException e) {
                log.error("legacy re-keying job failed; the pages committed stay, the next round goes on", e);
            }
        }
    }

    /** Pages until no legacy subscriber is left to try, another node holds the job, or a close or restatement runs. */
    Run run() {
        long pages = 0;
        long rekeyedInRun = 0;
        long skippedInRun = 0;
        String stopped;
        while (true) {
            PageOutcome outcome = transactions.execute(tx -> {
                if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                        JOB_LOCK))) {
                    return PageOutcome.stop("another node is re-keying");
                }
                if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM ledger_month_close WHERE "
                        + "completed_at IS NULL) OR EXISTS (SELECT 1 FROM ledger_restatement_job WHERE status IN "
                        + "('QUEUED', 'RUNNING'))", Boolean.class))) {
                    return PageOutcome.stop("a month close or a restatement is in progress");
                }
                Map<String, String> page = new LinkedHashMap<>();
                jdbc.query("SELECT subscriber_id, pseudonym FROM subscriber_pseudonym WHERE legacy "
                        + "AND rekeying_refused_at IS NULL ORDER BY subscriber_id LIMIT ? FOR UPDATE", rs -> {
                            page.put(rs.getString(1), rs.getString(2));
                        }, pageSize);
                if (page.isEmpty()) {
                    return PageOutcome.stop("no legacy subscriber left to re-key");
                }
                return new PageOutcome(rekeying.rekeyPage(page, tx), null);
            });
            if (outcome.stoppedBecause() != null) {
                stopped = outcome.stoppedBecause();
                break;
            }
            LegacyStreamRekeying.Page page = outcome.page();
            pages++;
            rekeyedInRun += page.rekeyed().size();
            skippedInRun += page.skipped().size();
            rekeyed.increment(page.rekeyed().size());
            skipped.increment(page.skipped().size());
            left.set(legacyLeft());
            log.info("legacy re-keying: page of {} subscribers re-keyed ({} streams, {} events), {} left under their "
                    + "id (chain does not verify), {} chain digests rewritten once; {} legacy subscribers left",
                    page.rekeyed().size(), page.rekeyed().stream().mapToLong(LegacyStreamRekeying.Moved::streams).sum(),
                    page.rekeyed().stream().mapToLong(LegacyStreamRekeying.Moved::events).sum(),
                    page.skipped().size(), page.digestsRewritten(), left.get());
        }
        left.set(legacyLeft());
        if (pages > 0) {
            log.info("legacy re-keying run: {} subscribers re-keyed, {} skipped in {} pages; stopped: {}",
                    rekeyedInRun, skippedInRun, pages, stopped);
        }
        return new Run(rekeyedInRun, skippedInRun, pages, stopped);
    }

    private long legacyLeft() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM subscriber_pseudonym WHERE legacy", Long.class);
        return count == null ? 0 : count;
    }

    private record PageOutcome(LegacyStreamRekeying.Page page, String stoppedBecause) {
        static PageOutcome stop(String because) {
            return new PageOutcome(null, because);
        }
    }
}
