package org.footprintledger.footprint.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon as a production system on PostgreSQL, without Axon Server, JPA or Hibernate: Axon's JDBC token store and
 * dead-letter queue on tables Flyway writes ({@code db/migration/axon}), connections from Spring's transaction, and one
 * Jackson serializer with its own ObjectMapper, so no web JSON setting can change the stored format. The JDBC beans
 * are declared here rather than left to Axon's JDBC auto-configuration: that one is conditional on a DataSource bean
 * and not ordered after Spring Boot's DataSource auto-configuration, so with {@code spring.datasource.url} it could
 * back off and leave the processors an in-memory token store. The serializer writes no type information:
 * every payload is a record whose field types say what to read. Events the release stored with Jackson's default
 * typing are read through {@link DefaultTypingUpcaster}; tokens, dead letters and the factor set table were
 * rewritten by {@link UntypedFormsMigration}.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    static ObjectMapper axonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    static Serializer jacksonSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jacksonSerializer();
    }

    /** Registered by Axon in the configuration's upcaster chain, which every read of stored events goes through. */
    @Bean
    EventUpcaster defaultTypingUpcaster() {
        return new DefaultTypingUpcaster();
    }

    /**
     * Connections from Spring's transaction, so the outbox rows a feeder takes and the events it appends commit
     * together.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Segments are claimed under this node's name ({@code footprint.node-name}: by default the JVM's, pid@host, as
     * Axon names it); a claim not renewed for {@code footprint.ledger.claim-timeout} (Axon's default, 10 s) is taken
     * over by another node: a node that dies loses its segments within that time.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          @Value("${footprint.node-name:}") String nodeName,
                          @Value("${footprint.ledger.claim-timeout:PT10S}") Duration claimTimeout) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder().connectionProvider(connectionProvider)
                .schema(tokenSchema).serializer(serializer).claimTimeout(claimTimeout);
        if (!nodeName.isBlank()) {
            builder.nodeId(nodeName);
        }
        return builder.build();
    }

    /** A JDBC dead-letter queue for each processing group whose {@code dlq.enabled} is set. */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueues(EventProcessorProperties processors,
                                                             ConnectionProvider connectionProvider,
                                                             TransactionManager transactionManager,
                                                             DeadLetterSchema schema, Serializer serializer,
                                                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new DeadLetterQueueProviderConfigurerModule(processors, group -> axon ->
                JdbcSequencedDeadLetterQueue.builder().processingGroup(group).connectionProvider(connectionProvider)
                        .transactionManager(transactionManager).schema(schema).genericSerializer(serializer)
                        .eventSerializer(eventSerializer).build());
    }

    /** Axon's JDBC token store on the table the JPA token store used (same columns, snake_case). */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Axon's JDBC dead-letter queue on the table the JPA one used (its times now text, as the JDBC queue writes). */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
