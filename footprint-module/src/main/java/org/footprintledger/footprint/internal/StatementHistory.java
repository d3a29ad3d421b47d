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
    private final PrefetchingEventStorageEngine streams;
    private final LedgerMonths months;
    private final PublishedFactorSets factorSets;

    StatementHistory(EventStore eventStore, PrefetchingEventStorageEngine streams, LedgerMonths months,
                     PublishedFactorSets factorSets) {
        this.eventStore = eventStore;
        this.streams = streams;
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

    /** The statements of a range as they stood at {@code asOf}: the range's streams are read in one query. */
    List<MonthlyStatement> statementsAsOf(String subscriberId, YearMonth from, YearMonth to, Instant asOf) {
        FactorRegistry registry = factorSets.registry();
        List<YearMonth> withStreams = months.monthsOf(subscriberId, from, to);
        streams.prefetch(withStreams.stream().map(month -> LedgerIds.of(subscriberId, month)).toList());
        try {
            return withStreams.stream()
                    .map(month -> fold(subscriberId, month, asOf).statement(m -> registry.inForceFor(m, asOf)))
                    .flatMap(Optional::stream)
                    .toList();
        } finally {
            streams.forget();
        }
    }
}
