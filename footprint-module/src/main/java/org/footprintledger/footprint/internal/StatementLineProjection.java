package org.footprintledger.footprint.internal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the statement read model: the totals of each line-month as the ledger last stated them. Events carry the
 * totals after the change, so handling an event twice writes the same row.
 */
@Component
@ProcessingGroup(StatementLineProjection.PROCESSING_GROUP)
class StatementLineProjection {

    static final String PROCESSING_GROUP = "ledger";

    private final JdbcTemplate jdbc;

    StatementLineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LineUsageAccruedEvent event, EventMessage<?> message, @Timestamp java.time.Instant at) {
        jdbc.update("INSERT INTO ledger_statement_line (subscriber_id, month, line_id, line_type, technology, bytes, "
                        + "records, estimated_records, last_event_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (subscriber_id, month, line_id) DO UPDATE SET "
                        + "technology = COALESCE(EXCLUDED.technology, ledger_statement_line.technology), "
                        + "bytes = EXCLUDED.bytes, records = EXCLUDED.records, "
                        + "estimated_records = EXCLUDED.estimated_records, last_event_id = EXCLUDED.last_event_id, "
                        + "updated_at = EXCLUDED.updated_at",
                event.subscriberId(), event.month().toString(), event.lineId(), event.lineType().name(),
                event.technology() == null ? null : event.technology().code(), event.bytesTotal(),
                event.recordsTotal(), event.estimatedRecordsTotal(), message.getIdentifier(),
                java.sql.Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM ledger_statement_line");
    }
}
