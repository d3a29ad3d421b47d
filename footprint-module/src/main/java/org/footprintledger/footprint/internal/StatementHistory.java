package org.footprintledger.footprint.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.footprintledger.footprint.api.CountedUsage;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.SubscriberMonthUsage;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.footprintledger.footprint.domain.StatementFold;
import org.springframework.stereotype.Component;

/**
 * Statements rebuilt from the ledger streams themselves rather than the read model: as they stood at any instant
 * (events up to it, and the factor sets published by then), and the trace of each figure. A month the ledger has not
 * been told of yet at that instant (an open month: the close states its usage) is folded from the usage counted by
 * then, from the records' receipt times.
 */
@Component
class StatementHistory {

    private final EventStore eventStore;
    private final PrefetchingEventStorageEngine streams;
    private final LedgerMonths months;
    private final CountedUsage counted;
    private final PublishedFactorSets factorSets;

    StatementHistory(EventStore eventStore, PrefetchingEventStorageEngine streams, LedgerMonths months,
                     CountedUsage counted, PublishedFactorSets factorSets) {
        this.eventStore = eventStore;
        this.streams = streams;
        this.months = months;
        this.counted = counted;
        this.factorSets = factorSets;
    }

    /**
     * The month as it stands now: its ledger stream (under the subscriber's key, null when it has none), or the usage
     * counted so far (under its id) when the ledger has none yet.
     */
    StatementFold currentFold(String subscriberId, String subscriberKey, YearMonth month) {
        StatementFold fold = subscriberKey == null ? new StatementFold(subscriberId, month)
                : fold(subscriberKey, month, Instant.MAX);
        if (!fold.isEmpty()) {
            return fold;
        }
        return counted.current(subscriberId, month, month).stream().findFirst().map(StatementFold::counting)
                .orElse(fold);
    }

    private StatementFold fold(String subscriberId, YearMonth month, Instant asOf) {
        StatementFold fold = new StatementFold(subscriberId, month);
        eventStore.readEvents(LedgerIds.of(subscriberId, month)).asStream()
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .forEach(event -> fold.apply(event.getPayload(), event.getIdentifier(), event.getTimestamp()));
        return fold;
    }

    /**
     * The statements of a range as they stood at {@code asOf}: the range's streams (under the subscriber's key, null
     * when it has none) are read in one query, the usage received by then under its id.
     */
    List<MonthlyStatement> statementsAsOf(String subscriberId, String subscriberKey, YearMonth from, YearMonth to,
                                          Instant asOf) {
        FactorRegistry registry = factorSets.registry();
        List<YearMonth> withStreams = subscriberKey == null ? List.of() : months.monthsOf(subscriberKey, from, to);
        Map<YearMonth, SubscriberMonthUsage> received = counted.asOf(subscriberId, from, to, asOf).stream()
                .collect(Collectors.toMap(SubscriberMonthUsage::month, Function.identity()));
        TreeSet<YearMonth> monthsShown = new TreeSet<>(withStreams);
        monthsShown.addAll(received.keySet());
        streams.prefetch(withStreams.stream().map(month -> LedgerIds.of(subscriberKey, month)).toList());
        return monthsShown.stream()
                .map(month -> {
                    StatementFold fold = withStreams.contains(month) ? fold(subscriberKey, month, asOf)
                            : new StatementFold(subscriberId, month);
                    return fold.isEmpty() && received.containsKey(month)
                            ? StatementFold.counting(received.get(month)) : fold;
                })
                .map(fold -> fold.statement(m -> registry.inForceFor(m, asOf)))
                .flatMap(Optional::stream)
                .map(statement -> statement.of(subscriberId))
                .toList();
    }
}
