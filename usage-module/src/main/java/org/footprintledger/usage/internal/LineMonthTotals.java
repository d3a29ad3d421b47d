package org.footprintledger.usage.internal;

import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Running totals of every line-month (table {@code usage_line_month_total}): the bytes, records and estimated records
 * of its accepted, non-superseded records, kept in each intake batch's transaction. A batch locks the rows of its
 * line-months in key order before it decides (so concurrent batches and files queue per line-month and never
 * deadlock on them), then adds its facts in one statement.
 */
@Repository
class LineMonthTotals {

    /**
     * The most a line can carry in a month: 10 Gbit/s in both directions for 31 days, 1.25 × 10^9 bytes/s × 2 ×
     * 2 678 400 s = 6 696 000 000 000 000 bytes (README, "Hostile input"). 1 377 times below the largest long.
     */
    static final long MAX_BYTES = 6_696_000_000_000_000L;

    private final JdbcTemplate jdbc;

    LineMonthTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A line-month: the key of the totals. */
    record LineMonth(String lineId, String month) implements Comparable<LineMonth> {

        static LineMonth of(UsageRecord record) {
            return new LineMonth(record.lineId(), record.month().toString());
        }

        @Override
        public int compareTo(LineMonth other) {
            int byLine = lineId.compareTo(other.lineId);
            return byLine != 0 ? byLine : month.compareTo(other.month);
        }
    }

    /**
     * Locks the totals of these line-months (creating the missing ones at zero) until the transaction ends and
     * answers their bytes. One statement, rows taken in key order.
     */
    Map<LineMonth, Long> lockBytes(Map<LineMonth, String> subscriberByLineMonth) {
        Map<LineMonth, Long> bytes = new HashMap<>();
        if (subscriberByLineMonth.isEmpty()) {
            return bytes;
        }
        List<Map.Entry<LineMonth, String>> keys = List.copyOf(new TreeMap<>(subscriberByLineMonth).entrySet());
        jdbc.query("INSERT INTO usage_line_month_total AS t (line_id, month, subscriber_id, bytes, records, "
                + "estimated_records) SELECT k.l, k.m, k.s, 0, 0, 0 FROM unnest(?::varchar[], ?::varchar[], "
                + "?::varchar[]) WITH ORDINALITY AS k(l, m, s, n) ORDER BY k.n "
                + "ON CONFLICT (line_id, month) DO UPDATE SET bytes = t.bytes RETURNING t.line_id, t.month, t.bytes",
                ps -> {
                    Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("varchar", keys.stream().map(k -> k.getKey().lineId()).toArray()));
                    ps.setArray(2, c.createArrayOf("varchar", keys.stream().map(k -> k.getKey().month()).toArray()));
                    ps.setArray(3, c.createArrayOf("varchar", keys.stream().map(Map.Entry::getValue).toArray()));
                },
                rs -> {
                    bytes.put(new LineMonth(rs.getString(1), rs.getString(2).trim()), rs.getLong(3));
                });
        return bytes;
    }

    /** Adds the batch's facts (one per line-month, deltas possibly negative) to rows this transaction locked. */
    void add(Collection<AccrueLineUsageCommand> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<AccrueLineUsageCommand> rows = List.copyOf(facts);
        jdbc.update("UPDATE usage_line_month_total t SET bytes = t.bytes + d.b, records = t.records + d.r, "
                + "estimated_records = t.estimated_records + d.e FROM unnest(?::varchar[], ?::varchar[], ?::bigint[], "
                + "?::bigint[], ?::bigint[]) AS d(l, m, b, r, e) WHERE t.line_id = d.l AND t.month = d.m", ps -> {
                    Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("varchar", rows.stream().map(f -> f.lineId()).toArray()));
                    ps.setArray(2, c.createArrayOf("varchar", rows.stream().map(f -> f.month().toString()).toArray()));
                    ps.setArray(3, c.createArrayOf("bigint", rows.stream().map(f -> f.bytesDelta()).toArray()));
                    ps.setArray(4, c.createArrayOf("bigint", rows.stream().map(f -> f.recordsDelta()).toArray()));
                    ps.setArray(5, c.createArrayOf("bigint",
                            rows.stream().map(f -> f.estimatedRecordsDelta()).toArray()));
                });
    }
}
