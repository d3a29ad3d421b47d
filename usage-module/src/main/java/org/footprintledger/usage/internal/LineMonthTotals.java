package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.LineMonth;
import org.footprintledger.usage.domain.LineMonthBudget;
import org.footprintledger.usage.domain.UsageRecord;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footprintledger.footprint.api.ClosePage;
import org.footprintledger.footprint.api.LineUsageFact;
import org.footprintledger.footprint.api.CountedUsage;
import org.footprintledger.footprint.api.LineMonthUsage;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.SubscriberMonthUsage;
import org.footprintledger.vocabulary.Technology;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The usage counted per line-month (table {@code usage_line_month}): the bytes, records and estimated records of its
 * accepted, non-superseded records and the latest technology named, kept in each intake batch's transaction. A batch
 * locks the rows of its line-months in key order before it decides (so concurrent batches and files queue per
 * line-month and never deadlock on them), then adds its facts in one statement. The ledger reads them through
 * {@link CountedUsage}: an open month's provisional figures, and what the month close states.
 */
@Repository
class LineMonthTotals implements CountedUsage {

    private static final String LINE_COLUMNS = "line_id, line_type, technology";
    /**
     * The next page of a month close: the subscribers of the next {@code limit} line-months with records counted, in
     * subscriber order (whole subscribers: all their lines, so at most {@code limit} subscribers), each line's totals
     * less the late facts still waiting for the ledger. One statement, so one snapshot. The page's last subscriber is
     * found first, by an index walk that stops after {@code limit} entries; the page is then two bounded range reads
     * of the walk's index and the facts' (subscriber, month) index: a page costs the same at any point of the month.
     * A line-month is opened at zero before its batch decides: a subscriber whose lines all count nothing (every
     * record refused or replaced away) has no statement.
     */
    private static final String PAGE_TO_CLOSE = "WITH bound AS (SELECT max(subscriber_id) AS last FROM ("
            + "SELECT subscriber_id FROM usage_line_month WHERE month = ? AND subscriber_id > ? AND records > 0 "
            + "ORDER BY month, subscriber_id LIMIT ?) AS walked), "
            + "waiting AS (SELECT f.line_id, sum(f.bytes_delta) AS bytes, sum(f.records_delta) AS records, "
            + "sum(f.estimated_delta) AS estimated FROM usage_ledger_fact f WHERE f.month = ? AND f.subscriber_id > ? "
            + "AND f.subscriber_id <= (SELECT last FROM bound) GROUP BY f.line_id), "
            + "page AS (SELECT t.*, bool_or(t.records > 0) OVER (PARTITION BY t.subscriber_id) AS counted "
            + "FROM usage_line_month t WHERE t.month = ? AND t.subscriber_id > ? "
            + "AND t.subscriber_id <= (SELECT last FROM bound)) "
            + "SELECT t.subscriber_id, t.month, t.line_id, t.line_type, t.technology, "
            + "t.bytes - COALESCE(w.bytes, 0), t.records - COALESCE(w.records, 0), "
            + "t.estimated_records - COALESCE(w.estimated, 0) "
            + "FROM page t LEFT JOIN waiting w USING (line_id) WHERE t.counted ORDER BY t.subscriber_id, t.line_id";
    /** The latest instant a SQL timestamp takes here: an as-of later than it (Instant.MAX) means "now". */
    private static final Instant LATEST_TIMESTAMP = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    LineMonthTotals(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // its own: the planner settings of a page's read end with it
        this.readOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Locks the totals of these line-months (creating the missing ones at zero) until the transaction ends and
     * answers their bytes. One statement, rows taken in key order.
     */
    Map<LineMonth, Long> lockBytes(Map<LineMonth, UsageRecord> recordByLineMonth) {
        Map<LineMonth, Long> bytes = new HashMap<>();
        if (recordByLineMonth.isEmpty()) {
            return bytes;
        }
        List<Map.Entry<LineMonth, UsageRecord>> keys = List.copyOf(new TreeMap<>(recordByLineMonth).entrySet());
        jdbc.query("INSERT INTO usage_line_month AS t (line_id, month, subscriber_id, line_type, bytes, records, "
                + "estimated_records) SELECT k.l, k.m, k.s, k.t, 0, 0, 0 FROM unnest(?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::varchar[]) WITH ORDINALITY AS k(l, m, s, t, n) ORDER BY k.n "
                + "ON CONFLICT (line_id, month) DO UPDATE SET bytes = t.bytes RETURNING t.line_id, t.month, t.bytes",
                ps -> {
                    Connection c = ps.getConnection();
                    ps.setArray(1, c.createArrayOf("varchar", keys.stream().map(k -> k.getKey().lineId()).toArray()));
                    ps.setArray(2, c.createArrayOf("varchar", keys.stream().map(k -> k.getKey().month().toString()).toArray()));
                    ps.setArray(3, c.createArrayOf("varchar",
                            keys.stream().map(k -> k.getValue().subscriberId()).toArray()));
                    ps.setArray(4, c.createArrayOf("varchar",
                            keys.stream().map(k -> k.getValue().lineType().name()).toArray()));
                },
                rs -> {
                    bytes.put(new LineMonth(rs.getString(1), YearMonth.parse(rs.getString(2).trim())), rs.getLong(3));
                });
        return bytes;
    }

    /**
     * Adds the batch's facts (one per line-month, deltas possibly negative) to their totals, opening the missing ones,
     * in one statement that takes the rows in key order, and answers whether every total stays within the physical
     * maximum. When one does not, the caller must roll back and decide again with {@link #lockBytes} first.
     */
    boolean addWithinTheMaximum(Collection<LineUsageFact> facts) {
        return added(facts).stream().allMatch(bytes -> bytes >= 0 && bytes <= LineMonthBudget.MAX_BYTES);
    }

    /**
     * Adds the batch's facts (one per line-month, deltas possibly negative) to rows this transaction locked, by the
     * same statement: an upsert goes through the key whatever the table's statistics say (a join with an array
     * would leave the plan to them).
     */
    void add(Collection<LineUsageFact> facts) {
        added(facts);
    }

    /** The upsert of the facts, rows taken in key order; answers the bytes of each total after it. */
    private List<Long> added(Collection<LineUsageFact> facts) {
        if (facts.isEmpty()) {
            return List.of();
        }
        List<LineUsageFact> rows = facts.stream()
                .sorted(java.util.Comparator.comparing(f -> new LineMonth(f.lineId(), f.month()))).toList();
        return jdbc.query("INSERT INTO usage_line_month AS t (line_id, month, subscriber_id, line_type, "
                + "technology, bytes, records, estimated_records) SELECT d.l, d.m, d.s, d.y, d.t, d.b, d.r, d.e "
                + "FROM " + LineUsageFactColumns.UNNEST + " WITH ORDINALITY AS d(s, m, l, y, t, b, r, e, n) "
                + "ORDER BY d.n ON CONFLICT (line_id, month) DO UPDATE SET "
                // saturates instead of overflowing: a total an older release stored at the largest bigint
                + "bytes = least(t.bytes::numeric + excluded.bytes, 9223372036854775807)::bigint, "
                + "records = t.records + excluded.records, "
                + "estimated_records = t.estimated_records + excluded.estimated_records, "
                + "technology = COALESCE(excluded.technology, t.technology), updated_at = now() RETURNING t.bytes",
                ps -> LineUsageFactColumns.bind(ps, rows),
                (rs, n) -> rs.getLong(1));
    }


    @Override
    public ClosePage toClose(YearMonth month, String afterSubscriberId, int limit) {
        Grouping grouping = Grouping.namingInconsistencies();
        String m = month.toString();
        readOnly.executeWithoutResult(tx -> {
            // the walk must follow the index: with statistics older than the day's files (autovacuum's ANALYZE runs
            // when it will), PostgreSQL took a bitmap of the whole rest of the month for each page, 0.5 s a page
            jdbc.execute("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off");
            jdbc.query(PAGE_TO_CLOSE, grouping, m, afterSubscriberId, limit, m, afterSubscriberId, m,
                    afterSubscriberId);
        });
        return grouping.closePage();
    }

    @Override
    public long subscribersIn(YearMonth month) {
        Long count = jdbc.queryForObject("SELECT count(DISTINCT subscriber_id) FROM usage_line_month WHERE month = ? "
                + "AND records > 0",
                Long.class, month.toString());
        return count == null ? 0 : count;
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
     * The count and the sum of the row versions ({@code xmin}, the writing transaction's id) of the subscriber's
     * line-month totals: any batch that adds to, or supersedes in, one of them rewrites its row. Mixed with the
     * number of months whose daily detail the retention rule purged (the explanation and the split by technology
     * of those months change then).
     */
    @Override
    public long revision(String subscriberId, YearMonth from, YearMonth to) {
        Long revision = jdbc.queryForObject("SELECT (SELECT count(*) * 1000003 + coalesce(sum(xmin::text::bigint), 0) "
                        + "FROM usage_line_month WHERE line_id IN (SELECT line_id FROM usage_line WHERE "
                        + "subscriber_id = ?) AND month BETWEEN ? AND ?) * 31 "
                        + "+ (SELECT count(*) FROM usage_retention_purge)",
                Long.class, subscriberId, from.toString(), to.toString());
        return revision == null ? 0 : revision;
    }

    /**
     * From the records themselves: those received by {@code asOf}, less those a record received by then replaced
     * (the technology of a line-month is the one of its latest record received by then that named one).
     */
    @Override
    public List<SubscriberMonthUsage> asOf(String subscriberId, YearMonth from, YearMonth to, Instant asOf) {
        Grouping grouping = new Grouping();
        Timestamp at = Timestamp.from(asOf.isAfter(LATEST_TIMESTAMP) ? LATEST_TIMESTAMP : asOf);
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

    /**
     * Rows of (subscriber, month, line, type, technology, bytes, records, estimated) grouped per subscriber-month. A
     * line whose figures cannot be counted usage (negative) fails the read, or, for a month close's page, leaves its
     * subscriber-month out, named among the inconsistencies.
     */
    private static final class Grouping implements RowCallbackHandler {
        private final Map<String, List<LineMonthUsage>> lines = new LinkedHashMap<>();
        private final Map<String, SubscriberMonthUsage> keys = new LinkedHashMap<>();
        private final Map<String, String> inconsistencies = new LinkedHashMap<>();
        private final boolean namingInconsistencies;
        private String lastSubscriberId;

        Grouping() {
            this(false);
        }

        private Grouping(boolean namingInconsistencies) {
            this.namingInconsistencies = namingInconsistencies;
        }

        static Grouping namingInconsistencies() {
            return new Grouping(true);
        }

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            String subscriberId = rs.getString(1);
            YearMonth month = YearMonth.parse(rs.getString(2).trim());
            String key = subscriberId + "/" + month;
            lastSubscriberId = subscriberId;
            keys.putIfAbsent(key, new SubscriberMonthUsage(subscriberId, month, List.of()));
            try {
                lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new LineMonthUsage(rs.getString(3),
                        LineType.valueOf(rs.getString(4)), Technology.fromCode(rs.getString(5)).orElse(null),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            } catch (IllegalArgumentException e) {
                if (!namingInconsistencies) {
                    throw e;
                }
                inconsistencies.putIfAbsent(key, "subscriber " + subscriberId + " in " + month + ": "
                        + e.getMessage());
            }
        }

        ClosePage closePage() {
            List<SubscriberMonthUsage> usage = result().stream()
                    .filter(u -> !inconsistencies.containsKey(u.subscriberId() + "/" + u.month())).toList();
            return new ClosePage(usage, List.copyOf(inconsistencies.values()), lastSubscriberId);
        }

        List<SubscriberMonthUsage> result() {
            List<SubscriberMonthUsage> result = new ArrayList<>();
            keys.forEach((key, usage) -> result.add(new SubscriberMonthUsage(usage.subscriberId(), usage.month(),
                    lines.get(key))));
            return result;
        }
    }
}
