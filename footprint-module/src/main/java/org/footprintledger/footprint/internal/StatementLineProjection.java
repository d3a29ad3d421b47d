package org.footprintledger.footprint.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the statement read model: the totals of each line-month as the ledger last stated them. Events carry the
 * totals after the change, so handling an event twice writes the same row, and within one processor batch only the
 * last event of a line-month needs writing: rows are collected per batch and written in one JDBC batch just before
 * the batch commits, in the same transaction as the processor's token.
 */
@Component
@ProcessingGroup(StatementLineProjection.PROCESSING_GROUP)
class StatementLineProjection {

    static final String PROCESSING_GROUP = "ledger";
    private static final String PENDING_ROWS = StatementLineProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    StatementLineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LineUsageAccruedEvent event, EventMessage<?> message) {
        pendingRows().put(event.subscriberId() + "/" + event.month() + "/" + event.lineId(),
                new Row(event, message.getIdentifier(), message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM ledger_statement_line");
    }

    private Map<String, Row> pendingRows() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING_ROWS, key -> {
            Map<String, Row> rows = new LinkedHashMap<>();
            root.onPrepareCommit(unitOfWork -> write(rows));
            return rows;
        });
    }

    private void write(Map<String, Row> rows) {
        jdbc.batchUpdate("INSERT INTO ledger_statement_line (subscriber_id, month, line_id, line_type, technology, "
                        + "bytes, records, estimated_records, last_event_id, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (subscriber_id, month, line_id) DO UPDATE SET "
                        + "technology = COALESCE(EXCLUDED.technology, ledger_statement_line.technology), "
                        + "bytes = EXCLUDED.bytes, records = EXCLUDED.records, "
                        + "estimated_records = EXCLUDED.estimated_records, last_event_id = EXCLUDED.last_event_id, "
                        + "updated_at = EXCLUDED.updated_at",
                new ArrayList<>(rows.values()), 1000, (ps, row) -> {
                    LineUsageAccruedEvent e = row.event();
                    ps.setString(1, e.subscriberId());
                    ps.setString(2, e.month().toString());
                    ps.setString(3, e.lineId());
                    ps.setString(4, e.lineType().name());
                    ps.setString(5, e.technology() == null ? null : e.technology().code());
                    ps.setLong(6, e.bytesTotal());
                    ps.setLong(7, e.recordsTotal());
                    ps.setLong(8, e.estimatedRecordsTotal());
                    ps.setString(9, row.eventId());
                    ps.setTimestamp(10, Timestamp.from(row.at()));
                });
    }

    private record Row(LineUsageAccruedEvent event, String eventId, Instant at) {
    }
}
