package org.footprintledger.footprint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ledger's event store skips Axon's scan of staged events: a ledger changed twice in one unit of work. */
class LedgerEventStoreTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private final Configuration axon = DefaultConfigurer.defaultConfiguration()
            .configureEventStore(c -> new LedgerEventStore(EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine())))
            .configureAggregate(SubscriberMonthLedger.class)
            .buildConfiguration();
    private final CommandGateway commands;

    LedgerEventStoreTest() {
        axon.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void two_commands_of_one_unit_of_work_on_the_same_ledger_continue_its_stream() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            commands.sendAndWait(fact("S1-M", 1_000, "batch-1"));
            commands.sendAndWait(fact("S1-M", 500, "batch-2"));
            commands.sendAndWait(fact("S1-F", 7, "batch-2"));
        });

        List<LineUsageAccruedEvent> stream = stored("S1");
        assertThat(stream).extracting(LineUsageAccruedEvent::bytesTotal).containsExactly(1_000L, 1_500L, 7L);
        assertThat(stream.get(1).previousHash()).isEqualTo(stream.get(0).hash());
        assertThat(stream.get(2).previousHash()).isEqualTo(stream.get(1).hash());
    }

    @Test
    void a_later_unit_of_work_reads_the_stored_stream() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> commands.sendAndWait(fact("S1-M", 1_000, "batch-1")));
        commands.sendAndWait(fact("S1-M", 250, "batch-2"));

        assertThat(stored("S1")).extracting(LineUsageAccruedEvent::bytesTotal).containsExactly(1_000L, 1_250L);
    }

    private static AccrueLineUsageCommand fact(String lineId, long bytes, String batch) {
        boolean mobile = lineId.endsWith("-M");
        return AccrueLineUsageCommand.of("S1", MONTH, lineId, mobile ? LineType.MOBILE : LineType.FIXED,
                mobile ? Technology.MOBILE_4G : Technology.FTTH, bytes, 1, 0, batch);
    }

    private List<LineUsageAccruedEvent> stored(String subscriberId) {
        List<? extends DomainEventMessage<?>> events = axon.eventStore()
                .readEvents(LedgerIds.of(subscriberId, MONTH)).asStream().toList();
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(java.util.stream.LongStream.range(0, events.size()).boxed().toArray(Long[]::new));
        return events.stream().map(e -> (LineUsageAccruedEvent) e.getPayload()).toList();
    }
}
