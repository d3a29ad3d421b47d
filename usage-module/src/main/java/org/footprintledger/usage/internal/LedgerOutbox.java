package org.footprintledger.usage.internal;

import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.LineType;
import org.footprintledger.footprint.api.Technology;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The facts of intake batches waiting for the ledger (table {@code usage_ledger_fact}). */
@Repository
class LedgerOutbox {

    private final JdbcTemplate jdbc;

    LedgerOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void append(List<AccrueLineUsageCommand> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.update("INSERT INTO usage_ledger_fact (subscriber_id, month, line_id, line_type, technology, "
                + "bytes_delta, records_delta, estimated_delta, batch_id) SELECT * FROM unnest(?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], "
                + "?::varchar[])", ps -> {
                    Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("varchar", facts.stream().map(f -> f.subscriberId()).toArray()));
                    ps.setArray(2, c.createArrayOf("varchar", facts.stream().map(f -> f.month().toString()).toArray()));
                    ps.setArray(3, c.createArrayOf("varchar", facts.stream().map(f -> f.lineId()).toArray()));
                    ps.setArray(4, c.createArrayOf("varchar", facts.stream().map(f -> f.lineType().name()).toArray()));
                    ps.setArray(5, c.createArrayOf("varchar", facts.stream()
                            .map(f -> f.technology() == null ? null : f.technology().code()).toArray()));
                    ps.setArray(6, c.createArrayOf("bigint", facts.stream().map(f -> f.bytesDelta()).toArray()));
                    ps.setArray(7, c.createArrayOf("bigint", facts.stream().map(f -> f.recordsDelta()).toArray()));
                    ps.setArray(8, c.createArrayOf("bigint",
                            facts.stream().map(f -> f.estimatedRecordsDelta()).toArray()));
                    ps.setArray(9, c.createArrayOf("varchar", facts.stream().map(f -> f.sourceBatchId()).toArray()));
                });
    }

    /**
     * Reads the oldest waiting rows (at most {@code maxRows}) summed per line and month, with the ids of the rows each
     * sum is made of. A plain read: intake batches append beside it without waiting.
     */
    List<PendingFact> oldest(int maxRows, String feedId) {
        List<PendingFact> pending = new ArrayList<>();
        jdbc.query("SELECT subscriber_id, month, line_id, min(line_type), "
                + "(array_agg(technology ORDER BY id DESC) FILTER (WHERE technology IS NOT NULL))[1], "
                + "sum(bytes_delta), sum(records_delta), sum(estimated_delta), array_agg(id) "
                + "FROM (SELECT * FROM usage_ledger_fact ORDER BY id LIMIT ?) AS oldest "
                + "GROUP BY subscriber_id, month, line_id ORDER BY subscriber_id, month, line_id",
                rs -> {
                    String technology = rs.getString(5);
                    AccrueLineUsageCommand fact = AccrueLineUsageCommand.of(rs.getString(1),
                            YearMonth.parse(rs.getString(2)), rs.getString(3), LineType.valueOf(rs.getString(4)),
                            technology == null ? null : Technology.fromCode(technology).orElseThrow(),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), feedId);
                    pending.add(new PendingFact(fact, (Long[]) rs.getArray(9).getArray()));
                }, maxRows);
        return pending;
    }

    /** Deletes the rows of facts about to enter the ledger; false if some are gone (fed by someone else). */
    boolean remove(List<PendingFact> facts) {
        Long[] ids = facts.stream().flatMap(f -> java.util.Arrays.stream(f.rowIds())).toArray(Long[]::new);
        int deleted = jdbc.update("DELETE FROM usage_ledger_fact WHERE id = ANY(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
        return deleted == ids.length;
    }

    record PendingFact(AccrueLineUsageCommand fact, Long[] rowIds) {
    }

    long backlog() {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT 1 FROM usage_ledger_fact LIMIT 10000000) AS pending", Long.class);
        return count == null ? 0 : count;
    }

    boolean lockFeeder() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT pg_try_advisory_xact_lock(hashtext('usage_ledger_feeder'))", Boolean.class));
    }
}
