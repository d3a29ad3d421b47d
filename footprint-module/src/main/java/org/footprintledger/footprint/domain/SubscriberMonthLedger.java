package org.footprintledger.footprint.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthCommand;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LineMonthUsage;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.RestateLedgerMonthCommand;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementIssuedEvent;

/**
 * The footprint ledger of one subscriber for one calendar month. Its event stream is the audit trail of every figure
 * shown for that month: usage accrues while the month is open; the close issues the statement under the factor set in
 * force; afterwards every change of a shown figure is a correction that keeps the figure shown before. Each event
 * carries the hash of its content chained to the previous event's hash.
 */
public class SubscriberMonthLedger {

    @AggregateIdentifier
    private String ledgerId;
    /** Everything the ledger knows, folded from its events: the same fold the statements are read from. */
    private final StatementFold ledger = new StatementFold();

    public SubscriberMonthLedger() {
        // an empty ledger, filled by its events (Axon) or by its first fact
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccrueLineUsageCommand command) {
        requireCoherentIdentity(command.ledgerId(), command.subscriberId(), command.month());
        LineTotals current = ledger.totalsOf(command.lineId()).orElse(LineTotals.empty(command.lineType()));
        if (current.lineType() != command.lineType()) {
            throw new LineTypeConflictException(command.lineId(), current.lineType(), command.lineType());
        }
        if (command.technology() != null && command.technology().lineType() != command.lineType()) {
            throw new IllegalArgumentException("technology " + command.technology().code()
                    + " is not a " + command.lineType() + " technology");
        }
        if (command.bytesDelta() == 0 && command.recordsDelta() == 0 && command.estimatedRecordsDelta() == 0) {
            return;
        }
        LineTotals next = current.plus(command.technology(), command.bytesDelta(), command.recordsDelta(),
                command.estimatedRecordsDelta());
        LineUsageAccruedEvent accrued = new LineUsageAccruedEvent(command.ledgerId(), command.subscriberId(),
                command.month(), command.lineId(), command.lineType(), command.technology(), command.bytesDelta(),
                command.recordsDelta(), command.estimatedRecordsDelta(), next.bytes(), next.records(),
                next.estimatedRecords(), command.sourceBatchId(), ledger.lastHash(), null);
        apply(accrued.linked());
        if (ledger.closed()) {
            correctIfChanged(command, ledger.statementFactorSet(), LateUsage.reasonFor(command.recordsDelta()));
        }
    }

    /**
     * Issues the statement, of the usage counted by the usage store when the command gives it (a new ledger, at the
     * month close) or of the usage accrued here; answers whether this closed the month (false when it was already).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(CloseLedgerMonthCommand command) {
        requireCoherentIdentity(command.ledgerId(), command.subscriberId(), command.month());
        if (ledger.closed()) {
            return false;
        }
        List<StatementFigures> figures = new ArrayList<>();
        if (command.counted() != null) {
            List<LineMonthUsage> inLineOrder = command.counted().stream()
                    .sorted(java.util.Comparator.comparing(LineMonthUsage::lineId)).toList();
            for (LineMonthUsage usage : inLineOrder) {
                if (usage.records() > 0) {
                    figures.add(LineTotals.of(usage).figures(usage.lineId(), command.factorSet()));
                }
            }
        } else {
            ledger.totals().forEach((lineId, totals) -> {
                if (totals.records() > 0) {
                    figures.add(totals.figures(lineId, command.factorSet()));
                }
            });
        }
        StatementIssuedEvent issued = new StatementIssuedEvent(command.ledgerId(), command.subscriberId(),
                command.month(), command.closedAt(), command.factorSet(), List.copyOf(figures), ledger.lastHash(),
                null);
        apply(issued.linked());
        return true;
    }

    @CommandHandler
    public void handle(RestateLedgerMonthCommand command) {
        requireCoherentIdentity(command.ledgerId(), command.subscriberId(), command.month());
        if (!ledger.closed()) {
            throw new MonthNotClosedException(command.ledgerId());
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new IllegalArgumentException("a restatement needs a reason");
        }
        boolean newSet = !command.factorSet().canonical().equals(ledger.statementFactorSet().canonical());
        for (String lineId : ledger.shownLineIds()) {
            StatementFigures before = ledger.shownOf(lineId);
            StatementFigures after = ledger.totalsOf(lineId).orElseThrow().figures(lineId, command.factorSet());
            if (newSet || !after.equals(before)) {
                apply(new StatementCorrectedEvent(ledgerId, command.subscriberId(), command.month(),
                        command.restatedAt(), command.reason(), command.factorSet(), before, after, ledger.lastHash(),
                        null).linked());
            }
        }
    }

    private void correctIfChanged(AccrueLineUsageCommand command, FactorSet factorSet, String reason) {
        String lineId = command.lineId();
        StatementFigures before = ledger.shownOf(lineId);
        StatementFigures after = ledger.totalsOf(lineId).orElseThrow().figures(lineId, factorSet);
        if (after.equals(before) || (before == null && after.records() == 0)) {
            return;
        }
        apply(new StatementCorrectedEvent(ledgerId, command.subscriberId(), command.month(),
                GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS), reason, factorSet, before, after,
                ledger.lastHash(), null).linked());
    }

    private void requireCoherentIdentity(String commandLedgerId, String commandSubscriberId, YearMonth commandMonth) {
        if (!LedgerIds.of(commandSubscriberId, commandMonth).equals(commandLedgerId)) {
            throw new IllegalArgumentException("ledger id " + commandLedgerId + " does not match subscriber "
                    + commandSubscriberId + " and month " + commandMonth);
        }
        if (ledger.subscriberId() != null && !ledger.subscriberId().equals(commandSubscriberId)) {
            throw new IllegalStateException("ledger " + ledgerId + " belongs to subscriber " + ledger.subscriberId());
        }
    }

    @EventSourcingHandler
    void on(LineUsageAccruedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        ledgerId = event.ledgerId();
        ledger.apply(event, eventId, at);
    }

    @EventSourcingHandler
    void on(StatementIssuedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        ledgerId = event.ledgerId();
        ledger.apply(event, eventId, at);
    }

    @EventSourcingHandler
    void on(StatementCorrectedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        ledger.apply(event, eventId, at);
    }
}
