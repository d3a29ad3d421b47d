package org.footprintledger.footprint.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthsCommand;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.RestateLedgerMonthCommand;
import org.footprintledger.footprint.api.RestateLedgerMonthsCommand;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Applies batches to many ledgers in one unit of work. Each ledger's command travels the command bus, handled in this
 * thread in a unit of work nested in the batch's: Axon's repository loads each ledger once per batch (its stream read
 * with the others in one query) and the events of all of them are appended together at the batch's commit. So the
 * ledger's own command handlers decide, reached as the fixture tests and a single command reach them. Two settings
 * keep the bus within the direct calls' cost (ADR 0008): the ledger's commands name their target by a plain field
 * ({@link LedgerCommandTargets}), and a command sent inside another is timed within it ({@link OuterCommandsMonitor}).
 * A stream created here is entered in the month index in the same transaction; a fact reaching a month already
 * closed closes its ledger at once (a new ledger is issued its statement; an issued one gets a correction).
 */
@Component
class LedgerBatchHandler {

    private final Configuration axon;
    private final LedgerStreams streams;
    private final LedgerIndex months;
    private final Clock clock;

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
            if (send(close)) {
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

    private void send(AccrueLineUsageCommand fact) throws Exception {
        dispatch(fact);
    }

    /** Answers whether this closed the month (false when it was already). */
    private boolean send(CloseLedgerMonthCommand close) throws Exception {
        return Boolean.TRUE.equals(dispatch(close));
    }

    private void send(RestateLedgerMonthCommand restate) throws Exception {
        dispatch(restate);
    }

    /**
     * One ledger's command on the command bus, handled in this thread inside the batch's unit of work (a nested
     * one: the events it applies are appended with the batch's at its commit).
     */
    private Object dispatch(Object command) throws Exception {
        AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
        axon.commandBus().dispatch(GenericCommandMessage.asCommandMessage(command), (sent, result) -> answer.set(result));
        CommandResultMessage<?> result = answer.get();
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception e ? e : new IllegalStateException(failure);
        }
        return result.getPayload();
    }
}
