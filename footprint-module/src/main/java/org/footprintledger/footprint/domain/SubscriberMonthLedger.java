package org.footprintledger.footprint.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;

/**
 * The footprint ledger of one subscriber for one calendar month. Its event stream is the audit trail of every
 * figure shown for that month; one stream per subscriber and month keeps streams short.
 */
public class SubscriberMonthLedger {

    @AggregateIdentifier
    private String ledgerId;
    private String subscriberId;
    private YearMonth month;
    private final Map<String, LineTotals> lines = new HashMap<>();

    public SubscriberMonthLedger() {
        // an empty ledger, filled by its events (Axon) or by its first fact
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccrueLineUsageCommand command) {
        requireCoherentIdentity(command);
        LineTotals current = lines.getOrDefault(command.lineId(), LineTotals.empty(command.lineType()));
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
        LineTotals next = current.plus(command.bytesDelta(), command.recordsDelta(), command.estimatedRecordsDelta());
        apply(new LineUsageAccruedEvent(command.ledgerId(), command.subscriberId(), command.month(), command.lineId(),
                command.lineType(), command.technology(), command.bytesDelta(), command.recordsDelta(),
                command.estimatedRecordsDelta(), next.bytes(), next.records(), next.estimatedRecords(),
                command.sourceBatchId()));
    }

    private void requireCoherentIdentity(AccrueLineUsageCommand command) {
        if (!LedgerIds.of(command.subscriberId(), command.month()).equals(command.ledgerId())) {
            throw new IllegalArgumentException("ledger id " + command.ledgerId() + " does not match subscriber "
                    + command.subscriberId() + " and month " + command.month());
        }
        if (subscriberId != null && !subscriberId.equals(command.subscriberId())) {
            throw new IllegalStateException("ledger " + ledgerId + " belongs to subscriber " + subscriberId);
        }
    }

    @EventSourcingHandler
    void on(LineUsageAccruedEvent event) {
        ledgerId = event.ledgerId();
        subscriberId = event.subscriberId();
        month = event.month();
        lines.put(event.lineId(), new LineTotals(event.lineType(), event.bytesTotal(), event.recordsTotal(),
                event.estimatedRecordsTotal()));
    }

    YearMonth month() {
        return month;
    }
}
