package org.footprintledger.footprint.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.footprint.domain.StatementFold;
import org.footprintledger.footprint.domain.StatementFold.LineState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the statement read model: per line-month the usage totals as the ledger last stated them and, once the month is
 * closed, the figures shown with their factor set; plus every correction. (An open month's provisional figures come
 * from the usage store's running totals, not from here: the ledger is told of a month's usage at its close.) The
 * projection folds each processor batch's events per ledger with the ledger's own fold ({@link StatementFold}) and
 * writes what that fold says of each line ({@link StatementFold.LineState}), merged into the stored row: events carry
 * totals and figures after the change, so handling an event twice writes the same rows, and within one batch only the
 * last state of a line-month is written, in JDBC batches just before the batch commits, in the same transaction as the
 * processor's token.
 */
@Component
@ProcessingGroup(StatementLineProjection.PROCESSING_GROUP)
class StatementLineProjection {

    static final String PROCESSING_GROUP = "ledger";
    private static final String PENDING = StatementLineProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    StatementLineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LineUsageAccruedEvent event, EventMessage<?> message) {
        fold(event.ledgerId()).apply(event, message.getIdentifier(), message.getTimestamp());
    }

    @EventHandler
    void on(StatementIssuedEvent event, EventMessage<?> message) {
        fold(event.ledgerId()).apply(event, message.getIdentifier(), message.getTimestamp());
    }

    @EventHandler
    void on(StatementCorrectedEvent event, EventMessage<?> message) {
        fold(event.ledgerId()).apply(event, message.getIdentifier(), message.getTimestamp());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM ledger_statement_correction");
        jdbc.update("DELETE FROM ledger_statement_line");
    }

    /** The fold of this batch's events of one ledger, written when the batch commits. */
    private StatementFold fold(String ledgerId) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, StatementFold> batch = root.getOrComputeResource(PENDING, key -> {
            Map<String, StatementFold> folds = new LinkedHashMap<>();
            root.onPrepareCommit(unitOfWork -> write(folds.values()));
            return folds;
        });
        return batch.computeIfAbsent(ledgerId, id -> new StatementFold());
    }

    /** The figures shown are replaced only by an event that shows figures (it carries its factor set). */
    private static final String SHOWN_COLUMNS = Stream.of("status", "factor_set_id",
                    "shown_records", "shown_estimated_records", "shown_bytes", "exact_go", "exact_grams", "data_go",
                    "co2e_grams")
            .map(c -> c + " = CASE WHEN EXCLUDED.factor_set_id IS NULL THEN l." + c + " ELSE EXCLUDED." + c + " END")
            .collect(Collectors.joining(", "));

    private static final String LINE_INSERT = "INSERT INTO ledger_statement_line AS l (subscriber_id, month, line_id, "
            + "line_type, technology, bytes, records, estimated_records, last_event_id, updated_at, status, "
            + "factor_set_id, shown_records, shown_estimated_records, shown_bytes, exact_go, exact_grams, data_go, "
            + "co2e_grams) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, 'OPEN'), ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (subscriber_id, month, line_id) DO UPDATE SET last_event_id = EXCLUDED.last_event_id, "
            + "updated_at = EXCLUDED.updated_at, " + SHOWN_COLUMNS;

    /** A line's usage totals as the row states them: line type, bytes, records, estimated records. */
    private record Totals(String lineType, long bytes, long records, long estimatedRecords) {
    }

    private void write(Collection<StatementFold> folds) {
        List<LineState> lines = folds.stream().flatMap(fold -> fold.lines().stream()).toList();
        // a line with an accrual in the batch takes the totals the accrual states
        upsertLines(lines.stream().filter(l -> l.lastAccrual() != null).toList(),
                ", technology = COALESCE(EXCLUDED.technology, l.technology), bytes = EXCLUDED.bytes, "
                        + "records = EXCLUDED.records, estimated_records = EXCLUDED.estimated_records",
                line -> new Totals(line.lastAccrual().lineType().name(), line.lastAccrual().bytesTotal(),
                        line.lastAccrual().recordsTotal(), line.lastAccrual().estimatedRecordsTotal()));
        // a line the ledger states without an accrual before (the month close states the counted usage) is inserted
        // with the totals its statement states; an existing line keeps its totals and takes the figures shown
        upsertLines(lines.stream().filter(l -> l.lastAccrual() == null).toList(), "",
                line -> new Totals(line.shown().lineType().name(), line.shown().bytes(), line.shown().records(),
                        line.shown().estimatedRecords()));
        jdbc.batchUpdate("INSERT INTO ledger_statement_correction (event_id, subscriber_id, month, line_id, "
                        + "corrected_at, from_grams, to_grams, from_exact, to_exact, factor_set_id, reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                lines.stream().flatMap(line -> line.corrections().stream()).toList(), 1000, (ps, row) -> {
                    StatementCorrectedEvent e = row.event();
                    ps.setString(1, row.eventId());
                    ps.setString(2, e.subscriberId());
                    ps.setString(3, e.month().toString());
                    ps.setString(4, e.to().lineId());
                    ps.setTimestamp(5, Timestamp.from(e.correctedAt()));
                    ps.setLong(6, e.from() == null ? 0 : e.from().co2eGrams());
                    ps.setLong(7, e.to().co2eGrams());
                    ps.setString(8, e.from() == null ? null : e.from().exactGrams());
                    ps.setString(9, e.to().exactGrams());
                    ps.setString(10, e.factorSet().id());
                    ps.setString(11, e.reason());
                });
    }

    private void upsertLines(List<LineState> lines, String totalsOnConflict, Function<LineState, Totals> totalsOf) {
        jdbc.batchUpdate(LINE_INSERT + totalsOnConflict, lines, 1000, (ps, line) -> {
            Totals totals = totalsOf.apply(line);
            ps.setString(1, line.subscriberId());
            ps.setString(2, line.month().toString());
            ps.setString(3, line.lineId());
            ps.setString(4, totals.lineType());
            ps.setString(5, line.technology() == null ? null : line.technology().code());
            ps.setLong(6, totals.bytes());
            ps.setLong(7, totals.records());
            ps.setLong(8, totals.estimatedRecords());
            ps.setString(9, line.lastEventId());
            ps.setTimestamp(10, Timestamp.from(line.lastChangedAt()));
            setShown(ps, 11, line);
        });
    }

    private static void setShown(PreparedStatement ps, int first, LineState line) throws SQLException {
        StatementFigures shown = line.shown();
        if (shown == null) {
            ps.setNull(first, Types.VARCHAR);
            for (int i = 1; i <= 8; i++) {
                ps.setNull(first + i, i == 1 || i == 5 || i == 6 ? Types.VARCHAR : Types.BIGINT);
            }
            return;
        }
        ps.setString(first, "CLOSED");
        ps.setString(first + 1, line.factorSetId());
        ps.setLong(first + 2, shown.records());
        ps.setLong(first + 3, shown.estimatedRecords());
        ps.setLong(first + 4, shown.bytes());
        ps.setString(first + 5, shown.exactGo());
        ps.setString(first + 6, shown.exactGrams());
        ps.setLong(first + 7, shown.dataGo());
        ps.setLong(first + 8, shown.co2eGrams());
    }
}
