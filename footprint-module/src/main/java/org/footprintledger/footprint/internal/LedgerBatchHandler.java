package org.footprintledger.footprint.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthsCommand;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.RestateLedgerMonthCommand;
import org.footprintledger.footprint.api.RestateLedgerMonthsCommand;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Applies batches to many ledgers in one unit of work. Each ledger is loaded once per unit of work (Axon keeps it for
 * the rest of the batch, its stream read with the others in one query), and its own command handler decides, so the
 * rules are the same as one by one. A stream created here is entered in the month index in the same transaction; a
 * fact reaching a month already closed closes its ledger at once (a new ledger is issued its statement; an issued one
 * gets a correction).
 */
@Component
class LedgerBatchHandler {

    private final Configuration axon;
    private final PrefetchingEventStorageEngine eventStore;
    private final LedgerMonths months;
    private final Clock clock;

    LedgerBatchHandler(@Lazy Configuration axon, PrefetchingEventStorageEngine eventStore, LedgerMonths months,
                       Clock clock) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.months = months;
        this.clock = clock;
    }

    @CommandHandler
    void handle(AccrueUsageBatchCommand batch) throws Exception {
        Map<YearMonth, FactorSet> closedMonths = months.closedMonthsHoldingOffCloses();
        List<LedgerMonths.Stream> newStreams = new ArrayList<>();
        prefetchAndRun(batch.facts().stream().map(AccrueLineUsageCommand::ledgerId).distinct().toList(), ledgers -> {
            for (AccrueLineUsageCommand fact : batch.facts()) {
                Aggregate<SubscriberMonthLedger> ledger = ledgers.loadOrCreate(fact.ledgerId(),
                        SubscriberMonthLedger::new);
                if (ledger.version() == null) {
                    newStreams.add(new LedgerMonths.Stream(fact.subscriberId(), fact.month()));
                }
                ledger.execute(l -> l.handle(fact));
                FactorSet closedWith = closedMonths.get(fact.month());
                if (closedWith != null) {
                    ledger.execute(l -> l.handle(CloseLedgerMonthCommand.of(fact.subscriberId(), fact.month(),
                            closedWith, clock.instant())));
                }
            }
        });
        months.index(newStreams);
    }

    /**
     * Closes each ledger named, creating those the usage had not reached yet (the month close states the counted
     * usage in them); answers how many were newly closed (the others were closed already).
     */
    @CommandHandler
    long handle(CloseLedgerMonthsCommand batch) throws Exception {
        AtomicLong newlyClosed = new AtomicLong();
        List<LedgerMonths.Stream> newStreams = new ArrayList<>();
        prefetchAndRun(batch.ledgers().stream().map(CloseLedgerMonthCommand::ledgerId).toList(), ledgers -> {
            for (CloseLedgerMonthCommand close : batch.ledgers()) {
                Aggregate<SubscriberMonthLedger> ledger = ledgers.loadOrCreate(close.ledgerId(),
                        SubscriberMonthLedger::new);
                if (ledger.version() == null) {
                    newStreams.add(new LedgerMonths.Stream(close.subscriberId(), close.month()));
                }
                if (ledger.invoke(l -> l.handle(close))) {
                    newlyClosed.incrementAndGet();
                }
            }
        });
        months.index(newStreams);
        return newlyClosed.get();
    }

    /** Restates each ledger named (every one of them was closed: the month's close has completed). */
    @CommandHandler
    void handle(RestateLedgerMonthsCommand batch) throws Exception {
        prefetchAndRun(batch.ledgers().stream().map(RestateLedgerMonthCommand::ledgerId).toList(), ledgers -> {
            for (RestateLedgerMonthCommand restate : batch.ledgers()) {
                ledgers.load(restate.ledgerId()).execute(ledger -> ledger.handle(restate));
            }
        });
    }

    private interface LedgerWork {
        void run(Repository<SubscriberMonthLedger> ledgers) throws Exception;
    }

    private void prefetchAndRun(List<String> ledgerIds, LedgerWork work) throws Exception {
        eventStore.prefetch(ledgerIds);
        work.run(axon.repository(SubscriberMonthLedger.class));
    }
}
