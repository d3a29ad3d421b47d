package org.footprintledger.footprint.internal;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's event store: Axon's JDBC engine on {@code domain_event_entry}, whose {@code global_index} is a
 * {@code bigserial} drawn inside the INSERT, so two nodes never append into an old block of ids and a tracking
 * processor never skips an event (stack.md, trap 3); wrapped to read many ledger streams in one query for batches
 * (ADR 0005) and to append one transaction at a time (ADR 0006); under Axon's embedded event store without its scan
 * of staged events (ADR 0007).
 */
@Configuration(proxyBeanMethods = false)
class LedgerEventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's JDBC error codes (a duplicate key is a concurrent append to the same stream); Axon's JDBC
     * auto-configuration declares it only when it also declares the event store.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /** In place of Axon's auto-configured event store (same settings), see {@link LedgerEventStore}. */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class)));
    }

    /** The ledger's own reads of the event table, through the same upcaster chain as the engine's. */
    @Bean
    StoredEvents storedEvents(@Qualifier("eventSerializer") Serializer eventSerializer,
                              org.axonframework.config.Configuration axon) {
        return new StoredEvents(eventSerializer, upcasterChainOf(axon));
    }

    @Bean
    PrefetchingEventStorageEngine eventStorageEngine(Serializer serializer,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     PersistenceExceptionResolver persistenceExceptionResolver,
                                                     ConnectionProvider connectionProvider,
                                                     TransactionManager transactionManager,
                                                     EventSchema eventSchema,
                                                     org.axonframework.config.Configuration axon,
                                                     StoredEvents storedEvents) {
        EventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(upcasterChainOf(axon))
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(1000)
                .build();
        return new PrefetchingEventStorageEngine(jdbc, connectionProvider, storedEvents);
    }

    /** Axon's configured upcaster chain (every {@code EventUpcaster} bean), asked for when events are first read. */
    private static EventUpcaster upcasterChainOf(org.axonframework.config.Configuration axon) {
        return events -> axon.upcasterChain().upcast(events);
    }
}
