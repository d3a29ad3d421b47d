package org.footprintledger.usage.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.footprint.api.ClosedMonths;
import org.footprintledger.usage.api.LedgerFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves facts from the outbox into the ledger: every waiting row of a line-month summed into one fact (so the facts of
 * many intake batches become one ledger event while the ledger is busy), sent as batch commands in the same
 * transaction that deletes their rows. One feeder at a time across all nodes (advisory lock); a chunk whose rows are
 * already gone is rolled back, so nothing is ever fed twice.
 */
@Component
class LedgerFeeder implements LedgerFeed {

    private static final Logger log = LoggerFactory.getLogger(LedgerFeeder.class);

    private final LedgerOutbox outbox;
    private final ClosedMonths closedMonths;
    private final IntakeActivity intake;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final int factsPerRound;
    private final int partitions;
    private final ExecutorService partitionWorkers;
    private final int factsPerTransaction;
    private final int factsPerCommand;
    private final Counter factsFed;
    private final Counter failures;
    private final Timer chunkTime;

    LedgerFeeder(LedgerOutbox outbox, ClosedMonths closedMonths, CommandGateway commands, TransactionTemplate transactions,
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
        this.commands = commands;
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
                .description("Facts waiting for the ledger").register(metrics);
    }

    @Scheduled(fixedDelayString = "${footprint.ledger-feeder.interval:2000}")
    void feedOnSchedule() {
        Optional<Duration> oldestFactAge = outbox.oldestFactAge();
        if (oldestFactAge.isEmpty() || intake.feederShouldWait(oldestFactAge.get())) {
            return;
        }
        try {
            feedAll();
        } catch (RuntimeException e) {
            failures.increment();
            log.error("ledger feeder round failed; the facts stay in the outbox and will be retried", e);
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
     * One round: the next line-months of the outbox in key order, each summed over all its waiting rows, then one
     * transaction per chunk of facts that deletes the chunk's rows and appends its ledger events together (short
     * transactions: the event store's {@code global_index} is drawn at insert, and long transactions would leave gaps
     * open for tracking processors). Rounds walk the whole key space, then start again from the beginning.
     */
    private Round feedOneRound(int partition, LedgerOutbox.LineMonthKey after, List<String> months) {
        String feedId = UUID.randomUUID().toString();
        List<LedgerOutbox.PendingFact> pending = outbox.next(partition, partitions, after, factsPerRound, feedId,
                months);
        LedgerOutbox.LineMonthKey resumeAfter =
                pending.size() < factsPerRound ? null : pending.get(pending.size() - 1).key();
        int fed = 0;
        for (int from = 0; from < pending.size(); from += factsPerTransaction) {
            List<LedgerOutbox.PendingFact> chunk =
                    pending.subList(from, Math.min(pending.size(), from + factsPerTransaction));
            Boolean appended = chunkTime.record(() -> transactions.execute(tx -> {
                if (!outbox.lockFeeder(partition) || !outbox.remove(chunk)) {
                    tx.setRollbackOnly();
                    return false;
                }
                for (int c = 0; c < chunk.size(); c += factsPerCommand) {
                    commands.sendAndWait(new AccrueUsageBatchCommand(feedId, chunk.subList(c,
                            Math.min(chunk.size(), c + factsPerCommand)).stream()
                            .map(LedgerOutbox.PendingFact::fact).toList()));
                }
                return true;
            }));
            if (!Boolean.TRUE.equals(appended)) {
                log.debug("ledger feed {}: another feeder holds the lock or took these facts; stopping the round",
                        feedId);
                return new Round(0, null);
            }
            fed += chunk.size();
            factsFed.increment(chunk.size());
        }
        return new Round(fed, resumeAfter);
    }
}
