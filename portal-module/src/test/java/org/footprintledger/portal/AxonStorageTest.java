package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * Axon on PostgreSQL done right: Flyway's tables, bytea everywhere, ids drawn inside the INSERT, explicit segments,
 * tokens and dead letters in Axon's JDBC stores (no JPA, no Hibernate).
 */
class AxonStorageTest extends PortalIntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void no_axon_column_is_a_large_object() {
        List<String> oidColumns = jdbc.queryForList("SELECT table_name || '.' || column_name FROM "
                + "information_schema.columns WHERE table_schema = 'public' AND data_type = 'oid'", String.class);
        assertThat(oidColumns).isEmpty();
        List<String> byteaColumns = jdbc.queryForList("SELECT table_name || '.' || column_name FROM "
                + "information_schema.columns WHERE table_schema = 'public' AND data_type = 'bytea'", String.class);
        assertThat(byteaColumns).contains("domain_event_entry.payload", "domain_event_entry.meta_data",
                "token_entry.token", "dead_letter_entry.payload");
    }

    @Test
    void the_global_index_is_drawn_by_the_database_at_insert_time() {
        String columnDefault = jdbc.queryForObject("SELECT column_default FROM information_schema.columns "
                + "WHERE table_name = 'domain_event_entry' AND column_name = 'global_index'", String.class);
        assertThat(columnDefault).startsWith("nextval(");
    }

    @Test
    void flyway_created_every_table_including_axons() {
        List<String> migrated = jdbc.queryForList(
                "SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);
        assertThat(migrated).anyMatch(s -> s.contains("axon_event_store"))
                .anyMatch(s -> s.contains("axon_jpa_entities"))
                .anyMatch(s -> s.contains("axon_jdbc_stores"))
                .anyMatch(s -> s.contains("usage_records"))
                .anyMatch(s -> s.contains("statement_lines"));
    }

    @Test
    void tokens_and_dead_letters_are_in_axons_jdbc_stores_and_no_jpa_is_on_the_classpath() {
        assertThat(processing.tokenStore("ledger")).isInstanceOf(JdbcTokenStore.class);
        assertThat(processing.deadLetterQueue("ledger")).get().isInstanceOf(JdbcSequencedDeadLetterQueue.class);
        assertThat(ClassUtils.isPresent("org.hibernate.Session", getClass().getClassLoader())).isFalse();
        assertThat(ClassUtils.isPresent("jakarta.persistence.EntityManager", getClass().getClassLoader())).isFalse();
    }

    @Test
    void the_ledger_processor_runs_with_its_configured_segments_each_with_a_thread() {
        Integer segments = jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'ledger'", Integer.class);
        assertThat(segments).isEqualTo(environment.getRequiredProperty(
                "axon.eventhandling.processors.ledger.initial-segment-count", Integer.class));
        assertThat(processing.eventProcessor("ledger", StreamingEventProcessor.class).orElseThrow().maxCapacity())
                .as("a segment without a thread is never processed").isGreaterThanOrEqualTo(segments);
    }
}
