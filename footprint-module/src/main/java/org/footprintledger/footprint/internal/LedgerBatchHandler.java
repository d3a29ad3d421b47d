package org.footprintledger.footprint.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
    private final LedgerStreams streams;
    private final LedgerIndex months;
    private final Clock clock;
    private final boolean viaBus = Boolean.getBoolean("ledger.bench.bus");

    LedgerBatchHandler(@Lazy Configuration axon, LedgerStreams streams, LedgerIndex months, Clock clock) {
        this.axon = axon;
        this.streams = streams;
        this.months = months;
        this.clock = clock;
    }

    @CommandHandler
    void handle(AccrueUsageBatchCommand batch) throws Exception {
        Map<YearMonth, FactorSet> closedMonths = months.closedMonthsHoldingOffCloses();
        List<LedgerIndex.Stream> newStreams = new ArrayList<>();
        Set<String> withoutStream = streams.prefetch(
                batch.facts().stream().map(AccrueLineUsageCommand::ledgerId).distinct().toList());
        for (AccrueLineUsageCommand fact : batch.facts()) {
            if (withoutStream.remove(fact.ledgerId())) {
                newStreams.add(new LedgerIndex.Stream(fact.subscriberId(), fact.month()));
            }
            send(fact);
            FactorSet closedWith = closedMonths.get(fact.month());
            if (closedWith != null) {
                send(CloseLedgerMonthCommand.of(fact.subscriberId(), fact.month(), closedWith, clock.instant()));
            }
        }
        months.index(newStreams);
    }

    /**
     * Closes each ledger named, creating those the usage had not reached yet (the month close states the counted
     * usage in them); answers how many were newly closed (the others were closed already).
     */
    @CommandHandler
    long handle(CloseLedgerMonthsCommand batch) throws Exception {
        long newlyClosed = 0;
        List<LedgerIndex.Stream> newStreams = new ArrayList<>();
        Set<String> withoutStream = streams.prefetch(
                batch.ledgers().stream().map(CloseLedgerMonthCommand::ledgerId).toList());
        for (CloseLedgerMonthCommand close : batch.ledgers()) {
            if (withoutStream.remove(close.ledgerId())) {
                newStreams.add(new LedgerIndex.Stream(close.subscriberId(), close.month()));
            }
            if (Boolean.TRUE.equals(send(close))) {
                newlyClosed++;
            }
        }
        months.index(newStreams);
        return newlyClosed;
    }

    /** Restates each ledger named (every one of them was closed: the month's close has completed). */
    @CommandHandler
    void handle(RestateLedgerMonthsCommand batch) throws Exception {
        streams.prefetch(batch.ledgers().stream().map(RestateLedgerMonthCommand::ledgerId).toList());
        for (RestateLedgerMonthCommand restate : batch.ledgers()) {
            send(restate);
        }
    }

    private Object send(Object command) throws Exception {
        if (viaBus) {
            return gateway().sendAndWait(command);
        }
        Repository<SubscriberMonthLedger> ledgers = axon.repository(SubscriberMonthLedger.class);
        if (command instanceof AccrueLineUsageCommand fact) {
            Aggregate<SubscriberMonthLedger> ledger = ledgers.loadOrCreate(fact.ledgerId(), SubscriberMonthLedger::new);
            ledger.execute(l -> l.handle(fact));
            return null;
        }
        if (command instanceof CloseLedgerMonthCommand close) {
            return ledgers.loadOrCreate(close.ledgerId(), SubscriberMonthLedger::new).invoke(l -> l.handle(close));
        }
        RestateLedgerMonthCommand restate = (RestateLedgerMonthCommand) command;
        ledgers.load(restate.ledgerId()).execute(l -> l.handle(restate));
        return null;
    }

    private CommandGateway gateway() {
        return axon.commandGateway();
    }
}
