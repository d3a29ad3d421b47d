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
     * Takes the oldest facts out of the outbox, summed per line and month. Runs inside the feeder's transaction: if
     * the ledger refuses, the rollback puts them back.
     */
    List<AccrueLineUsageCommand> takeOldest(int limit, String feedId) {
        List<AccrueLineUsageCommand> taken = new ArrayList<>();
        jdbc.query("WITH taken AS (DELETE FROM usage_ledger_fact WHERE id IN (SELECT id FROM usage_ledger_fact "
                + "ORDER BY id LIMIT ?) RETURNING *) SELECT subscriber_id, month, line_id, min(line_type), "
                + "(array_agg(technology ORDER BY id DESC) FILTER (WHERE technology IS NOT NULL))[1], "
                + "sum(bytes_delta), sum(records_delta), sum(estimated_delta) FROM taken "
                + "GROUP BY subscriber_id, month, line_id ORDER BY subscriber_id, month, line_id",
                rs -> {
                    String technology = rs.getString(5);
                    taken.add(AccrueLineUsageCommand.of(rs.getString(1), YearMonth.parse(rs.getString(2)),
                            rs.getString(3), LineType.valueOf(rs.getString(4)),
                            technology == null ? null : Technology.fromCode(technology).orElseThrow(),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), feedId));
                }, limit);
        return taken;
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
