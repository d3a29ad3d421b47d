package org.footprintledger.usage.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.CountedUsage;
import org.footprintledger.footprint.api.LineMonthUsage;
import org.footprintledger.footprint.api.LineType;
import org.footprintledger.footprint.api.SubscriberMonthUsage;
import org.footprintledger.footprint.api.Technology;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The usage counted per line-month (table {@code usage_line_month}): every batch adds its facts in one statement, in
 * key order (so concurrent batches lock rows in the same order); the ledger reads them through {@link CountedUsage}.
 */
@Repository
class LineMonthTotals implements CountedUsage {

    private static final String LINE_COLUMNS = "line_id, line_type, technology";

    private final JdbcTemplate jdbc;

    LineMonthTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a batch's facts (one per line-month, deltas, negative for superseded records) to the totals. */
    void add(List<AccrueLineUsageCommand> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<AccrueLineUsageCommand> inKeyOrder = facts.stream()
                .sorted(java.util.Comparator.comparing(AccrueLineUsageCommand::lineId)
                        .thenComparing(AccrueLineUsageCommand::month))
                .toList();
        jdbc.update("INSERT INTO usage_line_month AS t (line_id, month, subscriber_id, line_type, technology, bytes, "
                + "records, estimated_records) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[]) "
                + "ON CONFLICT (line_id, month) DO UPDATE SET bytes = t.bytes + EXCLUDED.bytes, "
                + "records = t.records + EXCLUDED.records, "
                + "estimated_records = t.estimated_records + EXCLUDED.estimated_records, "
                + "technology = COALESCE(EXCLUDED.technology, t.technology), updated_at = now()", ps -> {
                    Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("varchar", inKeyOrder.stream().map(f -> f.lineId()).toArray()));
                    ps.setArray(2, c.createArrayOf("varchar",
                            inKeyOrder.stream().map(f -> f.month().toString()).toArray()));
                    ps.setArray(3, c.createArrayOf("varchar",
                            inKeyOrder.stream().map(f -> f.subscriberId()).toArray()));
                    ps.setArray(4, c.createArrayOf("varchar",
                            inKeyOrder.stream().map(f -> f.lineType().name()).toArray()));
                    ps.setArray(5, c.createArrayOf("varchar", inKeyOrder.stream()
                            .map(f -> f.technology() == null ? null : f.technology().code()).toArray()));
                    ps.setArray(6, c.createArrayOf("bigint", inKeyOrder.stream().map(f -> f.bytesDelta()).toArray()));
                    ps.setArray(7, c.createArrayOf("bigint",
                            inKeyOrder.stream().map(f -> f.recordsDelta()).toArray()));
                    ps.setArray(8, c.createArrayOf("bigint",
                            inKeyOrder.stream().map(f -> f.estimatedRecordsDelta()).toArray()));
                });
    }

    @Override
    public List<SubscriberMonthUsage> toClose(YearMonth month, String afterSubscriberId, int limit) {
        Grouping grouping = new Grouping();
        // one statement, so one snapshot: totals and the late facts still waiting are read at the same instant
        jdbc.query("WITH page AS (SELECT DISTINCT subscriber_id FROM usage_line_month WHERE month = ? "
                        + "AND subscriber_id > ? ORDER BY subscriber_id LIMIT ?), "
                        + "waiting AS (SELECT f.line_id, sum(f.bytes_delta) AS bytes, sum(f.records_delta) AS records, "
                        + "sum(f.estimated_delta) AS estimated FROM usage_ledger_fact f JOIN page USING (subscriber_id) "
                        + "WHERE f.month = ? GROUP BY f.line_id) "
                        + "SELECT t.subscriber_id, t.month, " + prefixed("t.", LINE_COLUMNS) + ", "
                        + "t.bytes - COALESCE(w.bytes, 0), t.records - COALESCE(w.records, 0), "
                        + "t.estimated_records - COALESCE(w.estimated, 0) "
                        + "FROM usage_line_month t JOIN page USING (subscriber_id) LEFT JOIN waiting w USING (line_id) "
                        + "WHERE t.month = ? ORDER BY t.subscriber_id, t.line_id",
                grouping, month.toString(), afterSubscriberId, limit, month.toString(), month.toString());
        return grouping.result();
    }

    @Override
    public List<SubscriberMonthUsage> current(String subscriberId, YearMonth from, YearMonth to) {
        Grouping grouping = new Grouping();
        jdbc.query("SELECT subscriber_id, month, " + LINE_COLUMNS + ", bytes, records, estimated_records "
                        + "FROM usage_line_month WHERE line_id IN (SELECT line_id FROM usage_line WHERE "
                        + "subscriber_id = ?) AND month BETWEEN ? AND ? ORDER BY month, line_id",
                grouping, subscriberId, from.toString(), to.toString());
        return grouping.result();
    }

    /**
     * From the records themselves: those received by {@code asOf}, less those a record received by then replaced
     * (the technology of a line-month is the one of its latest record received by then that named one).
     */
    @Override
    public List<SubscriberMonthUsage> asOf(String subscriberId, YearMonth from, YearMonth to, Instant asOf) {
        Grouping grouping = new Grouping();
        Timestamp at = Timestamp.from(asOf.isAfter(Instant.parse("9999-12-31T00:00:00Z"))
                ? Instant.parse("9999-12-31T00:00:00Z") : asOf);
        LocalDate first = from.atDay(1);
        LocalDate end = to.plusMonths(1).atDay(1);
        jdbc.query("SELECT r.subscriber_id, to_char(r.usage_date, 'YYYY-MM') AS month, r.line_id, min(r.line_type), "
                        + "(array_agg(r.technology ORDER BY r.received_at DESC, r.record_id DESC) "
                        + "FILTER (WHERE r.technology IS NOT NULL))[1], sum(r.bytes_down + r.bytes_up), count(*), "
                        + "count(*) FILTER (WHERE r.estimated) "
                        + "FROM usage_record r WHERE r.line_id IN (SELECT line_id FROM usage_line WHERE subscriber_id = ?) "
                        + "AND r.usage_date >= ? AND r.usage_date < ? AND r.received_at <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM usage_record s WHERE s.record_id = r.superseded_by "
                        + "AND s.received_at <= ?) "
                        + "GROUP BY r.subscriber_id, to_char(r.usage_date, 'YYYY-MM'), r.line_id ORDER BY 2, 3",
                grouping, subscriberId, first, end, at, at);
        return grouping.result();
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    /** Rows of (subscriber, month, line, type, technology, bytes, records, estimated) grouped per subscriber-month. */
    private static final class Grouping implements RowCallbackHandler {
        private final Map<String, List<LineMonthUsage>> lines = new LinkedHashMap<>();
        private final Map<String, SubscriberMonthUsage> keys = new LinkedHashMap<>();

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            String subscriberId = rs.getString(1);
            YearMonth month = YearMonth.parse(rs.getString(2).trim());
            String key = subscriberId + "/" + month;
            keys.putIfAbsent(key, new SubscriberMonthUsage(subscriberId, month, List.of()));
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new LineMonthUsage(rs.getString(3),
                    LineType.valueOf(rs.getString(4)), Technology.fromCode(rs.getString(5)).orElse(null),
                    rs.getLong(6), rs.getLong(7), rs.getLong(8)));
        }

        List<SubscriberMonthUsage> result() {
            List<SubscriberMonthUsage> result = new ArrayList<>();
            keys.forEach((key, usage) -> result.add(new SubscriberMonthUsage(usage.subscriberId(), usage.month(),
                    lines.get(key))));
            return result;
        }
    }
}
