package org.footprintledger.footprint.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.footprintledger.footprint.domain.StatementFold;
import org.springframework.stereotype.Component;

/**
 * Statements rebuilt from the ledger streams themselves rather than the read model: as they stood at any instant
 * (events up to it, and the factor sets published by then), and the trace of each figure.
 */
@Component
class StatementHistory {

    private final EventStore eventStore;
    private final LedgerMonths months;
    private final PublishedFactorSets factorSets;

    StatementHistory(EventStore eventStore, LedgerMonths months, PublishedFactorSets factorSets) {
        this.eventStore = eventStore;
        this.months = months;
        this.factorSets = factorSets;
    }

    StatementFold fold(String subscriberId, YearMonth month, Instant asOf) {
        StatementFold fold = new StatementFold(subscriberId, month);
        eventStore.readEvents(LedgerIds.of(subscriberId, month)).asStream()
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .forEach(event -> fold.apply(event.getPayload(), event.getIdentifier()));
        return fold;
    }

    List<MonthlyStatement> statementsAsOf(String subscriberId, YearMonth from, YearMonth to, Instant asOf) {
        FactorRegistry registry = factorSets.registry();
        return months.monthsOf(subscriberId, from, to).stream()
                .map(month -> fold(subscriberId, month, asOf).statement(m -> registry.inForceFor(m, asOf)))
                .flatMap(Optional::stream)
                .toList();
    }
}
