package org.footprintledger.usage.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.footprintledger.footprint.api.UsageLedger;
import org.footprintledger.footprint.api.ClosedMonths;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.usage.api.LedgerFeed;
import org.footprintledger.usage.api.ParkedLedger;
import org.footprintledger.usage.api.ParkedLedgerRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves facts from the outbox into the ledger: every waiting row of a line-month summed into one fact (so the facts of
 * many intake batches become one ledger event while the ledger is busy), handed to the ledger's {@link UsageLedger}
 * port in the transaction that deletes their rows. One feeder at a time across all nodes (advisory lock); a chunk whose rows are
 * already gone is rolled back, so nothing is ever fed twice.
 */
@Component
class LedgerFeeder implements LedgerFeed {

    private static final Logger log = LoggerFactory.getLogger(LedgerFeeder.class);

    private final LedgerOutbox outbox;
    private final ClosedMonths closedMonths;
    private final IntakeActivity intake;
    private final UsageLedger ledger;
    private final TransactionTemplate transactions;
    private final int factsPerRound;
    private final int partitions;
    private final ExecutorService partitionWorkers;
    private final int factsPerTransaction;
    private final int factsPerCommand;
    private final Counter factsFed;
    private final Counter failures;
    private final Timer chunkTime;
    private final Counter parkings;
    private final ParkedLedgers parked;
    private int failingRounds;

    LedgerFeeder(LedgerOutbox outbox, ClosedMonths closedMonths, ParkedLedgers parked, UsageLedger ledger,
                 TransactionTemplate transactions,
                 MeterRegistry metrics, IntakeActivity intake,
                 @Value("${footprint.ledger-feeder.facts-per-round:20000}") int factsPerRound,
                 @Value("${footprint.ledger-feeder.facts-per-transaction:1000}") int factsPerTransaction,
                 @Value("${footprint.ledger-feeder.facts-per-command:1000}") int factsPerCommand,
                 @Value("${footprint.ledger-feeder.partitions:2}") int partitions) {
        this.partitions = Math.max(1, partitions);
        this.partitionWorkers = Executors.newFixedThreadPool(this.partitions, runnable -> {
            Thread thread = new Thread(runnable, "ledger-feeder");
            thread.setDaemon(true);
            return thread;
        });
        this.outbox = outbox;
        this.closedMonths = closedMonths;
        this.intake = intake;
        this.ledger = ledger;
        this.transactions = transactions;
        this.factsPerRound = factsPerRound;
        this.factsPerTransaction = factsPerTransaction;
        // one command per transaction by default: its events are appended in one batch at its end, which is when the
        // ledger's append lock is taken (the ledger's event store skips Axon's scan of staged events, which made a
        // command's cost grow with the cube of its facts and kept commands at 100 facts)
        this.factsPerCommand = factsPerCommand;
        this.factsFed = Counter.builder("usage.ledger.facts.fed")
                .description("Line-month facts appended to the ledger").register(metrics);
        this.failures = Counter.builder("usage.ledger.feed.failures")
                .description("Feeder rounds refused by the ledger (facts stay in the outbox)").register(metrics);
        this.chunkTime = Timer.builder("usage.ledger.feed.chunk")
                .description("Duration of one feeder transaction (up to facts-per-transaction facts)")
                .register(metrics);
        Gauge.builder("usage.ledger.backlog", outbox, LedgerOutbox::backlog)
                .description("Facts waiting for the ledger (parked ledgers aside)").register(metrics);
        this.parked = parked;
        Gauge.builder("usage.ledger.parked", parked, ParkedLedgers::count)
                .description("Ledgers parked because the ledger refused one of their facts").register(metrics);
        this.parkings = Counter.builder("usage.ledger.parkings")
                .description("Ledgers parked (a ledger parked again by a failed retry counts once)").register(metrics);
    }

    @Scheduled(fixedDelayString = "${footprint.ledger-feeder.interval:2000}")
    void feedOnSchedule() {
        try {
            Optional<Duration> oldestFactAge = outbox.oldestFactAge();
            if (oldestFactAge.isEmpty() || intake.feederShouldWait(oldestFactAge.get())) {
                return;
            }
            feedAll();
            if (failingRounds > 0) {
                log.info("ledger feeder rounds succeed again after {} failed rounds", failingRounds);
                failingRounds = 0;
            }
        } catch (RuntimeException e) {
            failures.increment();
            // the stack trace once, then one line per failed round until a round succeeds
            if (failingRounds++ == 0) {
                log.error("ledger feeder round failed; the facts stay in the outbox and will be retried", e);
            } else {
                log.warn("ledger feeder round failed again ({} in a row): {}", failingRounds, e.toString());
            }
        }
    }

    /**
     * Feeds every partition at once, each on its own connection (subscribers split by the hash of their id, so no
     * two partitions ever touch the same ledger stream), until a whole walk of each finds nothing or another node
     * holds that partition's lock.
     */
    @Override
    public synchronized void feedAll() {
        // late usage of a month waits until its close has completed: the close states what it counted, less the
        // facts still waiting here, so a fact fed while the close runs could be stated twice
        List<String> months = monthsToFeed();
        if (months.isEmpty()) {
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            int p = partition;
            running.add(partitionWorkers.submit(() -> feedPartition(p, months)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ledger feed interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
    }

    private void feedPartition(int partition, List<String> months) {
        LedgerOutbox.LineMonthKey after = null;
        while (true) {
            Round round = feedOneRound(partition, after, months);
            if (round.fed() == 0 && round.resumeAfter() == null) {
                return;
            }
            after = round.resumeAfter();
        }
    }

    private record Round(int fed, LedgerOutbox.LineMonthKey resumeAfter) {
    }

    /** Late usage waiting for the ledger that the feeder may feed now (of months whose close has completed). */
    @Override
    public boolean hasBacklog() {
        List<String> months = monthsToFeed();
        return !months.isEmpty() && outbox.hasBacklog(months);
    }

    private List<String> monthsToFeed() {
        return closedMonths.completed().stream().map(YearMonth::toString).sorted().toList();
    }

    /**
     * One round: the next line-months of the outbox in key order (parked ledgers aside), each summed over all its
     * waiting rows, then one transaction per chunk of facts that deletes the chunk's rows and appends its ledger
     * events together (short transactions: the event store's {@code global_index} is drawn at insert, and long
     * transactions would leave gaps open for tracking processors). A chunk the ledger refuses is split until the
     * refusing ledgers are alone, which are parked; the others go through in the same round. Rounds walk the whole key
     * space, then start again from the beginning.
     */
    private Round feedOneRound(int partition, LedgerOutbox.LineMonthKey after, List<String> months) {
        String feedId = UUID.randomUUID().toString();
        List<LedgerOutbox.PendingFact> read = outbox.next(partition, partitions, after, factsPerRound,
                months);
        LedgerOutbox.LineMonthKey resumeAfter =
                read.size() < factsPerRound ? null : read.get(read.size() - 1).key();
        Set<ParkedLedgers.Key> parkedLedgers = parked.keys();
        List<LedgerOutbox.PendingFact> pending = new ArrayList<>();
        for (LedgerOutbox.PendingFact fact : read) {
            if (fact.problem() != null) {
                park(fact.ledger(), fact.problem());
                parkedLedgers.add(fact.ledger());
            }
        }
        for (LedgerOutbox.PendingFact fact : read) {
            if (!parkedLedgers.contains(fact.ledger())) {
                pending.add(fact);
            }
        }
        int fed = 0;
        for (int from = 0; from < pending.size(); from += factsPerTransaction) {
            List<LedgerOutbox.PendingFact> chunk =
                    pending.subList(from, Math.min(pending.size(), from + factsPerTransaction));
            Integer appended = feedSplittingOnRefusal(partition, chunk, feedId);
            if (appended == null) {
                log.debug("ledger feed {}: another feeder holds the lock or took these facts; stopping the round",
                        feedId);
                return new Round(0, null);
            }
            fed += appended;
        }
        return new Round(fed, resumeAfter);
    }

    /**
     * Feeds the chunk in one transaction; if the ledger refuses it, feeds each half on its own, down to single ledgers,
     * and parks a ledger that is refused alone. Answers how many facts went in, or null when another feeder holds
     * the partition or took these facts.
     */
    private Integer feedSplittingOnRefusal(int partition, List<LedgerOutbox.PendingFact> chunk, String feedId) {
        try {
            return feed(partition, chunk, feedId, false) ? chunk.size() : null;
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            List<List<LedgerOutbox.PendingFact>> ledgers = byLedger(chunk);
            if (ledgers.size() == 1) {
                park(chunk.get(0).ledger(), reasonOf(e));
                return 0;
            }
            int half = ledgers.size() / 2;
            int fed = 0;
            for (List<List<LedgerOutbox.PendingFact>> part : List.of(ledgers.subList(0, half),
                    ledgers.subList(half, ledgers.size()))) {
                Integer partFed = feedSplittingOnRefusal(partition, part.stream().flatMap(List::stream).toList(),
                        feedId);
                if (partFed == null) {
                    return null;
                }
                fed += partFed;
            }
            return fed;
        }
    }

    /** One transaction: deletes the facts' rows and appends their events; false if the lock or the rows are gone. */
    private boolean feed(int partition, List<LedgerOutbox.PendingFact> facts, String feedId, boolean waitForLock) {
        Boolean appended = chunkTime.record(() -> transactions.execute(tx -> {
            if (waitForLock) {
                outbox.lockFeederWaiting(partition);
            } else if (!outbox.lockFeeder(partition)) {
                tx.setRollbackOnly();
                return false;
            }
            if (!outbox.remove(facts)) {
                tx.setRollbackOnly();
                return false;
            }
            for (int c = 0; c < facts.size(); c += factsPerCommand) {
                ledger.accrue(feedId, facts.subList(c, Math.min(facts.size(), c + factsPerCommand)).stream()
                        .map(LedgerOutbox.PendingFact::fact).toList());
            }
            return true;
        }));
        if (Boolean.TRUE.equals(appended)) {
            factsFed.increment(facts.size());
            return true;
        }
        return false;
    }

    private static List<List<LedgerOutbox.PendingFact>> byLedger(List<LedgerOutbox.PendingFact> chunk) {
        Map<ParkedLedgers.Key, List<LedgerOutbox.PendingFact>> ledgers = new LinkedHashMap<>();
        chunk.forEach(fact -> ledgers.computeIfAbsent(fact.ledger(), k -> new ArrayList<>()).add(fact));
        return List.copyOf(ledgers.values());
    }

    /** Parks the ledger: one warning line when it is newly parked, none for a ledger parked again. */
    private void park(ParkedLedgers.Key ledger, String reason) {
        String ledgerId = LedgerIds.of(ledger.subscriberId(), YearMonth.parse(ledger.month()));
        if (parked.park(ledger, ledgerId, reason, Instant.now())) {
            parkings.increment();
            log.warn("ledger {} parked, its facts wait in the outbox until ops retry it "
                    + "(POST /api/v1/ops/parked-ledgers/{}/retry): {}", ledgerId, ledgerId, reason);
        }
    }

    @Override
    public List<ParkedLedger> parked() {
        return parked.all();
    }

    @Override
    public Optional<ParkedLedgerRetry> retryParked(String ledgerId) {
        Optional<ParkedLedgers.Key> ledger = parked.byLedgerId(ledgerId);
        if (ledger.isEmpty()) {
            return Optional.empty();
        }
        String feedId = UUID.randomUUID().toString();
        List<LedgerOutbox.PendingFact> facts = outbox.pendingOf(ledger.get());
        String problem = facts.stream().map(LedgerOutbox.PendingFact::problem).filter(Objects::nonNull).findFirst()
                .orElse(null);
        if (problem == null) {
            try {
                int partition = outbox.partitionOf(ledger.get().subscriberId(), partitions);
                if (facts.isEmpty() || feed(partition, facts, feedId, true)) {
                    parked.unpark(ledger.get());
                    log.info("parked ledger {} retried by ops: {} facts fed", ledgerId, facts.size());
                    return Optional.of(new ParkedLedgerRetry(ledgerId, true, null));
                }
                problem = "its facts changed while it was retried; retry again";
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    throw e;
                }
                problem = reasonOf(e);
            }
        }
        park(ledger.get(), problem);
        log.warn("parked ledger {} retried by ops and refused again: {}", ledgerId, problem);
        return Optional.of(new ParkedLedgerRetry(ledgerId, false, problem));
    }

    @Override
    public List<ParkedLedgerRetry> retryAllParked() {
        return parked.all().stream().map(p -> retryParked(p.ledgerId())).flatMap(Optional::stream).toList();
    }

    /** The refusal as ops read it: the deepest cause's message (the ledger rule that refused), with its type. */
    private static String reasonOf(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }

    /** A failure of the database or its connection (retried next round), not a refusal of the facts. */
    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }
}
