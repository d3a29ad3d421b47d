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
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's event store: Axon's JDBC engine on {@code domain_event_entry}, whose {@code global_index} is a
 * {@code bigserial} drawn inside the INSERT, so two nodes never append into an old block of ids and a tracking
 * processor never skips an event (stack.md, trap 3); wrapped to read many ledger streams in one query for batches and
 * to append one transaction at a time; under Axon's embedded event store without its scan of staged events.
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

    /** In place of Axon's auto-configured event store (same settings), see {@link LedgerEventStore}. */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    PrefetchingEventStorageEngine eventStorageEngine(Serializer serializer,
                                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                                     PersistenceExceptionResolver persistenceExceptionResolver,
                                                     ConnectionProvider connectionProvider,
                                                     TransactionManager transactionManager,
                                                     EventSchema eventSchema) {
        EventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(1000)
                .build();
        return new PrefetchingEventStorageEngine(jdbc, connectionProvider, eventSerializer);
    }
}
