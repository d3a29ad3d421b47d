package org.footprintledger.footprint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthsCommand;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.footprintledger.footprint.domain.LineTypeConflictException;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch handler as a plain class on Axon's in-memory configuration: each ledger of a batch is decided by its own
 * command handler, all in the batch's one unit of work, and the month index learns the streams it creates.
 */
class LedgerBatchHandlerTest {

    private static final YearMonth OPEN = YearMonth.of(2026, 10);
    private static final YearMonth CLOSED = YearMonth.of(2026, 9);
    private static final FactorSet ADEME = FactorRegistry.ADEME_2022;
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private final InMemoryIndex index = new InMemoryIndex();
    private final Configuration axon;
    private final CommandGateway commands;

    LedgerBatchHandlerTest() {
        InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(SubscriberMonthLedger.class)
                .registerCommandHandler(c -> new LedgerBatchHandler(c, ids -> withoutStream(storage, ids), index,
                        Clock.fixed(NOW, ZoneOffset.UTC)))
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void each_fact_accrues_on_its_ledger_and_a_fact_of_a_closed_month_closes_its_new_ledger_at_once() {
        index.closed.put(CLOSED, ADEME);

        commands.sendAndWait(new AccrueUsageBatchCommand("batch-1", List.of(fact("S1", OPEN, 1_000),
                fact("S1", OPEN, 500), fact("S2", CLOSED, 2_000_000_000L))));

        assertThat(stream("S1", OPEN)).extracting(event -> ((LineUsageAccruedEvent) event).bytesTotal())
                .containsExactly(1_000L, 1_500L);
        assertThat(stream("S2", CLOSED)).hasSize(2).last().isInstanceOfSatisfying(StatementIssuedEvent.class,
                issued -> assertThat(issued.lines()).singleElement()
                        .satisfies(line -> assertThat(line.bytes()).isEqualTo(2_000_000_000L)));
        assertThat(index.streams).containsExactly(new LedgerIndex.Stream("S1", OPEN),
                new LedgerIndex.Stream("S2", CLOSED));
    }

    @Test
    void a_close_answers_how_many_ledgers_it_newly_closed() {
        commands.sendAndWait(new CloseLedgerMonthsCommand(List.of(close("S1"))));
        index.streams.clear();

        Long newlyClosed = commands.sendAndWait(new CloseLedgerMonthsCommand(List.of(close("S1"), close("S2"),
                close("S3"))));

        assertThat(newlyClosed).isEqualTo(2);
        assertThat(index.streams).extracting(LedgerIndex.Stream::subscriberId).containsExactly("S2", "S3");
    }

    @Test
    void a_ledger_refusing_its_fact_fails_the_whole_batch_and_nothing_of_it_is_stored() {
        AccrueLineUsageCommand fixedOnAMobileLine = AccrueLineUsageCommand.of("S2", OPEN, "S2-M", LineType.FIXED,
                Technology.FTTH, 1, 1, 0, "batch-2");

        assertThatThrownBy(() -> commands.sendAndWait(new AccrueUsageBatchCommand("batch-2",
                List.of(fact("S1", OPEN, 1_000), fact("S2", OPEN, 1_000), fixedOnAMobileLine))))
                .isInstanceOf(LineTypeConflictException.class);
        assertThat(stream("S1", OPEN)).isEmpty();
        assertThat(stream("S2", OPEN)).isEmpty();
        assertThat(index.streams).isEmpty();
    }

    private static AccrueLineUsageCommand fact(String subscriber, YearMonth month, long bytes) {
        return AccrueLineUsageCommand.of(subscriber, month, subscriber + "-M", LineType.MOBILE, Technology.MOBILE_4G,
                bytes, 1, 0, "batch-1");
    }

    private static CloseLedgerMonthCommand close(String subscriber) {
        return CloseLedgerMonthCommand.counting(new org.footprintledger.footprint.api.SubscriberMonthUsage(subscriber,
                CLOSED, List.of(new org.footprintledger.footprint.api.LineMonthUsage(subscriber + "-M",
                LineType.MOBILE, Technology.MOBILE_4G, 1_000_000_000L, 30, 0))), ADEME, NOW);
    }

    private List<Object> stream(String subscriber, YearMonth month) {
        return axon.eventStore().readEvents(LedgerIds.of(subscriber, month)).asStream()
                .map(event -> (Object) event.getPayload()).toList();
    }

    private static Set<String> withoutStream(InMemoryEventStorageEngine storage, Collection<String> ids) {
        return ids.stream().filter(id -> storage.lastSequenceNumberFor(id).isEmpty()).collect(Collectors.toSet());
    }

    /** The month index of a test: closed months as set, streams entered in order. */
    private static final class InMemoryIndex implements LedgerIndex {
        final Map<YearMonth, FactorSet> closed = new HashMap<>();
        final List<Stream> streams = new ArrayList<>();

        @Override
        public Map<YearMonth, FactorSet> closedMonthsHoldingOffCloses() {
            return Map.copyOf(closed);
        }

        @Override
        public void index(List<Stream> newStreams) {
            streams.addAll(newStreams);
        }
    }
}
