package org.footprintledger.usage.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.usage.api.LedgerFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves facts from the outbox into the ledger: the oldest facts, summed per line and month, sent as batch commands
 * in the same transaction that deletes them. One feeder at a time across all nodes (advisory lock).
 */
@Component
class LedgerFeeder implements LedgerFeed {

    private static final Logger log = LoggerFactory.getLogger(LedgerFeeder.class);

    private final LedgerOutbox outbox;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final int factsPerRound;
    private final int factsPerCommand;
    private final Counter factsFed;
    private final Counter failures;
    private final Timer roundTime;

    LedgerFeeder(LedgerOutbox outbox, CommandGateway commands, TransactionTemplate transactions,
                 MeterRegistry metrics,
                 @Value("${footprint.ledger-feeder.facts-per-round:20000}") int factsPerRound,
                 @Value("${footprint.ledger-feeder.facts-per-command:1000}") int factsPerCommand) {
        this.outbox = outbox;
        this.commands = commands;
        this.transactions = transactions;
        this.factsPerRound = factsPerRound;
        this.factsPerCommand = factsPerCommand;
        this.factsFed = Counter.builder("usage.ledger.facts.fed")
                .description("Line-month facts appended to the ledger").register(metrics);
        this.failures = Counter.builder("usage.ledger.feed.failures")
                .description("Feeder rounds refused by the ledger (facts stay in the outbox)").register(metrics);
        this.roundTime = Timer.builder("usage.ledger.feed.round").description("Duration of a feeder round")
                .register(metrics);
        Gauge.builder("usage.ledger.backlog", outbox, LedgerOutbox::backlog)
                .description("Facts waiting for the ledger").register(metrics);
    }

    @Scheduled(fixedDelayString = "${footprint.ledger-feeder.interval:200}")
    void feedOnSchedule() {
        try {
            feedAll();
        } catch (RuntimeException e) {
            failures.increment();
            log.error("ledger feeder round failed; the facts stay in the outbox and will be retried", e);
        }
    }

    @Override
    public void feedAll() {
        while (feedOneRound() > 0) {
            // until the outbox is empty or another node holds the feeder lock
        }
    }

    private int feedOneRound() {
        Integer fed = roundTime.record(() -> transactions.execute(tx -> {
            if (!outbox.lockFeeder()) {
                return 0;
            }
            String feedId = UUID.randomUUID().toString();
            List<AccrueLineUsageCommand> facts = outbox.takeOldest(factsPerRound, feedId);
            for (int from = 0; from < facts.size(); from += factsPerCommand) {
                commands.sendAndWait(new AccrueUsageBatchCommand(feedId,
                        facts.subList(from, Math.min(facts.size(), from + factsPerCommand))));
            }
            return facts.size();
        }));
        int count = fed == null ? 0 : fed;
        factsFed.increment(count);
        return count;
    }
}
