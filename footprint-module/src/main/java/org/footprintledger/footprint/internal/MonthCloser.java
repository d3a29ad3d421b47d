package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.CloseLedgerMonthCommand;
import org.footprintledger.footprint.api.ClosePage;
import org.footprintledger.footprint.api.CloseLedgerMonthsCommand;
import org.footprintledger.footprint.api.CountedUsage;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.MonthCloseInterruptedException;
import org.footprintledger.footprint.api.MonthCloseReport;
import org.footprintledger.footprint.api.MonthClosing;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.footprintledger.footprint.api.SubscriberMonthUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes a month: records it as closed (from then on usage of that month reaches the ledger as late usage), then walks
 * the month's counted usage in subscriber order ({@link CountedUsage}), pages of the subscribers of {@code page-size}
 * line-months in parallel, each page one transaction of batch commands that state the counted usage and issue the
 * statement. A subscriber whose counted usage contradicts itself is left out, logged and counted
 * ({@code ledger.months.close.inconsistent}); the others are closed, and the close ends interrupted, naming it.
 * Each page's steps are timed ({@code ledger.month.close.page}, tag {@code step}): reading it, resolving
 * its subscribers' and lines' keys, issuing its statements. Closing again re-walks
 * the month and closes nothing twice.
 */
@Component
class MonthCloser implements MonthClosing {

    private static final Logger log = LoggerFactory.getLogger(MonthCloser.class);
    private static final int LEDGERS_PER_COMMAND = 1000;
    private static final int LOGGED_INCONSISTENCIES = 20;

    private final LedgerMonths months;
    private final CountedUsage counted;
    private final PublishedFactorSets factorSets;
    private final CommandGateway commands;
    private final SubscriberKeys keys;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final int workers;
    private final int pageSize;
    private final Counter ledgersClosed;
    private final Counter ledgersInconsistent;
    private final Timer closeTime;
    private final MonthCloseProgress progress;
    private final Timer pageRead;
    private final Timer pageKeys;
    private final Timer pageStatements;

    MonthCloser(LedgerMonths months, CountedUsage counted, PublishedFactorSets factorSets, CommandGateway commands,
                SubscriberKeys keys, TransactionTemplate transactions, Clock clock, MeterRegistry metrics,
                MonthCloseProgress progress,
                @Value("${footprint.month-close.zone:Europe/Paris}") ZoneId zone,
                @Value("${footprint.month-close.workers:2}") int workers,
                @Value("${footprint.month-close.page-size:2000}") int pageSize) {
        this.months = months;
        this.counted = counted;
        this.factorSets = factorSets;
        this.commands = commands;
        this.keys = keys;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = zone;
        this.workers = Math.max(1, workers);
        this.pageSize = pageSize;
        this.progress = progress;
        this.ledgersClosed = Counter.builder("ledger.months.closed")
                .description("Subscriber-months whose statement was issued by a month close").register(metrics);
        this.ledgersInconsistent = Counter.builder("ledger.months.close.inconsistent")
                .description("Subscriber-months a month close left out: their counted usage contradicts itself")
                .register(metrics);
        this.closeTime = Timer.builder("ledger.month.close").description("Duration of a whole month close")
                .register(metrics);
        this.pageRead = pageStep("read", metrics);
        this.pageKeys = pageStep("keys", metrics);
        this.pageStatements = pageStep("statements", metrics);
    }

    private static Timer pageStep(String step, MeterRegistry metrics) {
        return Timer.builder("ledger.month.close.page").tag("step", step)
                .description("Time a month close spends on one step of a page: read its counted usage, resolve its "
                        + "keys, issue its statements")
                .register(metrics);
    }

    @Override
    public MonthCloseReport close(YearMonth month, String requestedBy) {
        if (!month.isBefore(YearMonth.now(clock.withZone(zone)))) {
            throw new IllegalArgumentException("month " + month + " is not over yet in " + zone
                    + ": it can be closed from " + month.plusMonths(1).atDay(1));
        }
        FactorSet inForce = factorSets.registry().inForceFor(month);
        Instant closedAt = clock.instant();
        long started = System.nanoTime();
        String recordedSetId = transactions.execute(tx -> months.recordClose(month, inForce, requestedBy, closedAt));
        FactorSet closeSet = factorSets.byId(recordedSetId).orElseThrow();
        log.info("closing {} under {} (requested by {})", month, closeSet.id(), requestedBy);
        Walked walked;
        try {
            walked = walk(month, closeSet, closedAt);
        } finally {
            progress.ended(month);
        }
        if (walked.failure() != null) {
            MonthCloseInterruptedException interrupted = new MonthCloseInterruptedException(month.toString(),
                    walked.ledgers(), walked.total(), walked.failure());
            ledgersClosed.increment(walked.newlyClosed());
            log.warn("{}", interrupted.getMessage());
            throw interrupted;
        }
        transactions.executeWithoutResult(tx -> months.recordCompleted(month, walked.ledgers(), clock.instant()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        closeTime.record(Duration.ofMillis(millis));
        ledgersClosed.increment(walked.newlyClosed());
        long alreadyClosed = walked.ledgers() - walked.newlyClosed();
        log.info("closed {}: {} ledgers, {} newly closed, {} already closed, {} ms", month, walked.ledgers(),
                walked.newlyClosed(), alreadyClosed, millis);
        return new MonthCloseReport(month.toString(), closeSet.id(), walked.ledgers(), walked.newlyClosed(),
                alreadyClosed, millis);
    }

    /**
     * What a walk did: the ledgers of the pages that committed and how many of them it newly closed, the month's
     * ledgers (-1 when they could not be counted), and the failure that stopped it, if any.
     */
    private record Walked(long ledgers, long newlyClosed, long total, RuntimeException failure) {
    }

    /** Walks the month's pages; a failure stops it once every page handed over has ended, committed or not. */
    private Walked walk(YearMonth month, FactorSet closeSet, Instant closedAt) {
        ExecutorService pool = SideBySide.threads("month-close", workers, workers);
        List<Future<Long>> pages = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<String> inconsistent = new ArrayList<>();
        RuntimeException failure = null;
        long total = -1;
        try {
            total = counted.subscribersIn(month);
            progress.started(month, total);
            for (ClosePage page = readPage(month, ""); !page.isEnd(); page = readPage(month, page.lastSubscriberId())) {
                inconsistent.addAll(page.inconsistencies());
                List<SubscriberMonthUsage> usage = page.usage();
                if (usage.isEmpty()) {
                    continue;
                }
                sizes.add(usage.size());
                pages.add(pool.submit(() -> {
                    long closed = closePage(usage, closeSet, closedAt);
                    progress.pageCommitted(month, usage.size());
                    return closed;
                }));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (!inconsistent.isEmpty()) {
            ledgersInconsistent.increment(inconsistent.size());
            inconsistent.stream().limit(LOGGED_INCONSISTENCIES).forEach(problem -> log.warn("close of {}: left out, "
                    + "its counted usage contradicts itself: {}", month, problem));
            if (failure == null) {
                failure = new IllegalStateException(inconsistent.size() + " ledger(s) left out: their counted usage "
                        + "contradicts itself (" + inconsistent.get(0) + (inconsistent.size() > 1 ? "; …" : "")
                        + "); the others are closed");
            }
        }
        long committed = 0;
        long newlyClosed = 0;
        try {
            for (int i = 0; i < pages.size(); i++) {
                try {
                    newlyClosed += pages.get(i).get();
                    committed += sizes.get(i);
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("month close interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return new Walked(committed, newlyClosed, total, failure);
    }

    private ClosePage readPage(YearMonth month, String afterSubscriberId) {
        return pageRead.record(() -> counted.toClose(month, afterSubscriberId, pageSize));
    }

    private long closePage(List<SubscriberMonthUsage> page, FactorSet closeSet, Instant closedAt) {
        Long closed = transactions.execute(tx -> {
            Map<String, String> subscriberOfLine = new HashMap<>();
            page.forEach(usage -> usage.lines().forEach(line -> subscriberOfLine.put(line.lineId(),
                    usage.subscriberId())));
            SubscriberKeys.Keys named = pageKeys.record(() -> keys.keysOf(
                    page.stream().map(SubscriberMonthUsage::subscriberId).toList(), subscriberOfLine));
            return pageStatements.record(() -> issueStatements(page, named, closeSet, closedAt));
        });
        return closed == null ? 0 : closed;
    }

    /** The page's statements, by batch commands of at most {@value #LEDGERS_PER_COMMAND} ledgers. */
    private long issueStatements(List<SubscriberMonthUsage> page, SubscriberKeys.Keys named, FactorSet closeSet,
                                 Instant closedAt) {
        Map<String, String> keyOf = named.subscriberKeys();
        long newly = 0;
        for (int from = 0; from < page.size(); from += LEDGERS_PER_COMMAND) {
            List<CloseLedgerMonthCommand> chunk = page
                    .subList(from, Math.min(page.size(), from + LEDGERS_PER_COMMAND)).stream()
                    .map(usage -> CloseLedgerMonthCommand.counting(usage.keyedAs(keyOf.get(usage.subscriberId()),
                            named.lineKeys()), closeSet, closedAt)).toList();
            Long result = commands.sendAndWait(new CloseLedgerMonthsCommand(chunk));
            newly += result == null ? 0 : result;
        }
        return newly;
    }
}
