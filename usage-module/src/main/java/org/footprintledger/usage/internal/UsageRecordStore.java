package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.RegisteredLine;

import org.footprintledger.usage.domain.UsageRecord;

import java.sql.Array;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.YearMonth;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Raw usage records and the line registry in PostgreSQL, written set-wise: one statement per batch, arrays unnested
 * on the server. Records live in monthly partitions ({@link UsageRecordPartitions}); a record id is unique within its
 * month and across a month boundary ({@link RecordIdScope}).
 */
@Repository
class UsageRecordStore {

    /** PostgreSQL's SQLSTATE for a unique key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String RECORD_COLUMNS = "record_id, subscriber_id, line_id, line_type, technology, "
            + "usage_date, bytes_down, bytes_up, estimated, replaces";

    private final JdbcTemplate jdbc;
    private final RegisteredLines registeredLines;
    private final UsageRecordPartitions partitions;
    private final Counter copyFallbacks;

    UsageRecordStore(JdbcTemplate jdbc, RegisteredLines registeredLines, UsageRecordPartitions partitions,
                     MeterRegistry meters) {
        this.jdbc = jdbc;
        this.copyFallbacks = Counter.builder("usage.intake.copy.fallbacks")
                .description("Batches whose COPY met a record id stored already, decided again with arbitrated inserts")
                .register(meters);
        this.registeredLines = registeredLines;
        this.partitions = partitions;
    }

    /**
     * Registers lines not seen before, then returns what is known of every line named (first claim wins). A line's
     * subscriber and type never change once registered, so lines known from earlier batches come from memory.
     */
    Map<String, RegisteredLine> registerLines(Collection<UsageRecord> records) {
        Map<String, RegisteredLine> known = registeredLines.known(records.stream().map(UsageRecord::lineId)
                .collect(Collectors.toSet()));
        Map<String, UsageRecord> firstPerLine = new java.util.TreeMap<>();
        for (UsageRecord record : records) {
            if (!known.containsKey(record.lineId())) {
                firstPerLine.putIfAbsent(record.lineId(), record);
            }
        }
        if (firstPerLine.isEmpty()) {
            return known;
        }
        List<UsageRecord> lines = List.copyOf(firstPerLine.values());
        Map<String, RegisteredLine> fromDatabase = new HashMap<>();
        RowCallbackHandler registered = rs -> {
            fromDatabase.put(rs.getString(1), new RegisteredLine(rs.getString(2), LineType.valueOf(rs.getString(3))));
        };
        // the lines this statement registers come back from it; only those registered before are read again
        jdbc.query("INSERT INTO usage_line (line_id, subscriber_id, line_type) "
                + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) ON CONFLICT (line_id) DO NOTHING "
                + "RETURNING line_id, subscriber_id, line_type",
                ps -> {
                    Connection c = ps.getConnection();
                    ps.setArray(1, varchars(c, lines, UsageRecord::lineId));
                    ps.setArray(2, varchars(c, lines, UsageRecord::subscriberId));
                    ps.setArray(3, varchars(c, lines, r -> r.lineType().name()));
                }, registered);
        List<UsageRecord> registeredBefore = lines.stream().filter(r -> !fromDatabase.containsKey(r.lineId())).toList();
        if (!registeredBefore.isEmpty()) {
            jdbc.query("SELECT line_id, subscriber_id, line_type FROM usage_line WHERE line_id = ANY(?)",
                    ps -> ps.setArray(1, varchars(ps.getConnection(), registeredBefore, UsageRecord::lineId)),
                    registered);
        }
        registeredLines.rememberAfterCommit(fromDatabase);
        Map<String, RegisteredLine> named = new HashMap<>(known);
        named.putAll(fromDatabase);
        return named;
    }

    /**
     * Inserts the records whose id is new and returns those ids; records already stored are left untouched. Under the
     * partition locks of {@link RecordIdScope}, records of a month's boundary week whose id the neighbouring month's
     * boundary week holds are left out first (the caller classifies them as conflicts). The others go in id order by
     * one COPY into the store: a day's feed is new records, and COPY writes them a page at a time where an arbitrated
     * insert writes and checks them one by one. When one id is stored already (a file sent again, a record received
     * twice), the COPY fails on the key and this throws {@link IdsStoredAlready}: the transaction is lost, and the
     * caller decides the batch again with {@code arbitrated}, which inserts by {@link #insertWhereNew}. Call this
     * once per transaction.
     */
    Set<String> insertNew(List<UsageRecord> records, String batchId, boolean arbitrated) {
        if (records.isEmpty()) {
            return new HashSet<>();
        }
        RecordIdScope scope = new RecordIdScope(records.stream().map(UsageRecord::usageDate).toList());
        partitions.ensure(scope.writtenMonths());
        return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
            String lock = scope.lockStatement();
            if (!lock.isEmpty()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(lock);
                }
            }
            Set<String> acrossBoundary = storedAcrossBoundary(connection, scope, records);
            List<UsageRecord> candidates = records.stream().filter(r -> !acrossBoundary.contains(r.recordId()))
                    .sorted(Comparator.comparing(UsageRecord::recordId)).toList();
            if (candidates.isEmpty()) {
                return new HashSet<>();
            }
            if (arbitrated) {
                return insertWhereNew(connection, candidates, batchId);
            }
            try {
                copy(connection, "COPY usage_record (" + RECORD_COLUMNS + ", batch_id, usage_month) FROM STDIN "
                        + "(FORMAT csv)", asCsv(candidates, batchId));
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    copyFallbacks.increment();
                    throw new IdsStoredAlready();
                }
                throw e;
            }
            return candidates.stream().map(UsageRecord::recordId).collect(Collectors.toCollection(HashSet::new));
        });
    }

    /**
     * A batch's COPY met a record id stored already: its transaction is rolled back, and the batch must be decided
     * again with {@code arbitrated} inserts.
     */
    static final class IdsStoredAlready extends RuntimeException {
        IdsStoredAlready() {
            super(null, null, false, false);
        }
    }

    /**
     * The ids of these records that a record of the neighbouring month's boundary week holds (one statement, the
     * locks of {@link RecordIdScope} already taken, so no batch writing that month commits in between).
     */
    private static Set<String> storedAcrossBoundary(Connection connection, RecordIdScope scope,
                                                    List<UsageRecord> records) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> ids = new ArrayList<>();
        List<String> months = new ArrayList<>();
        List<Boolean> previous = new ArrayList<>();
        for (UsageRecord record : records) {
            YearMonth probed = RecordIdScope.neighbourProbed(record.usageDate());
            if (probed != null) {
                ids.add(record.recordId());
                months.add(probed.atDay(1).toString());
                previous.add(probed.isBefore(record.month()));
            }
        }
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement probe = connection.prepareStatement(scope.acrossBoundaryProbe())) {
            probe.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            // ISO dates as text, cast by the statement: the driver's own date conversion goes through a Calendar
            probe.setArray(2, connection.createArrayOf("varchar", months.toArray()));
            probe.setArray(3, connection.createArrayOf("boolean", previous.toArray()));
            try (ResultSet rs = probe.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /**
     * The arbitrated insert: the rows by COPY into a per-connection temporary table, then one set-wise
     * INSERT … SELECT … ON CONFLICT DO NOTHING on the key (record_id, usage_month), rows taken in id order (two
     * batches with ids in common wait for each other, never deadlock). The table empties itself at commit or
     * rollback.
     */
    private static Set<String> insertWhereNew(Connection connection, List<UsageRecord> records, String batchId)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS usage_staging (record_id varchar(64) COLLATE \"C\", "
                    + "subscriber_id varchar(64), line_id varchar(64), line_type varchar(8), technology varchar(8), "
                    + "usage_date date, bytes_down bigint, bytes_up bigint, estimated boolean, "
                    + "replaces varchar(64), batch_id varchar(64), usage_month date) ON COMMIT DELETE ROWS");
        }
        copy(connection, "COPY usage_staging FROM STDIN (FORMAT csv)", asCsv(records, batchId));
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_record (" + RECORD_COLUMNS
                + ", batch_id, usage_month) SELECT " + RECORD_COLUMNS + ", batch_id, usage_month FROM usage_staging "
                + "ORDER BY record_id ON CONFLICT (record_id, usage_month) DO NOTHING RETURNING record_id");
             ResultSet rs = insert.executeQuery()) {
            while (rs.next()) {
                inserted.add(rs.getString(1));
            }
        }
        return inserted;
    }

    private static void copy(Connection connection, String copyStatement, String csv) throws SQLException {
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement, new StringReader(csv));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    /**
     * Validated records hold no comma, quote or line break: plain CSV, an empty field meaning NULL, with the batch
     * and the partition key (the first day of the usage month).
     */
    private static String asCsv(List<UsageRecord> records, String batchId) {
        StringBuilder csv = new StringBuilder(records.size() * 140);
        for (UsageRecord r : records) {
            csv.append(r.recordId()).append(',').append(r.subscriberId()).append(',').append(r.lineId()).append(',')
                    .append(r.lineType().name()).append(',')
                    .append(r.technology() == null ? "" : r.technology().code()).append(',')
                    .append(r.usageDate()).append(',').append(r.bytesDown()).append(',').append(r.bytesUp())
                    .append(',').append(r.estimated()).append(',')
                    .append(r.replaces() == null ? "" : r.replaces()).append(',').append(batchId).append(',')
                    .append(r.month().atDay(1)).append('\n');
        }
        return csv.toString();
    }

    /**
     * Every stored record with one of these ids, per id, oldest month first: an id is unique within a month and
     * across a month boundary, so months apart it may name two records. The months given are searched first (their
     * partitions only: a cold store's other months cost an index probe each); an id not found there is then looked
     * for in every month.
     */
    Map<String, List<UsageRecord>> findByIds(Collection<String> recordIds, Collection<YearMonth> likelyMonths) {
        Map<String, List<UsageRecord>> found = findByIds(recordIds, "usage_month IN ("
                + likelyMonths.stream().map(m -> "DATE '" + m.atDay(1) + "'").collect(Collectors.joining(", "))
                + ")");
        List<String> elsewhere = recordIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
        found.putAll(findByIds(elsewhere, "TRUE"));
        return found;
    }

    private Map<String, List<UsageRecord>> findByIds(Collection<String> recordIds, String months) {
        Map<String, List<UsageRecord>> found = new HashMap<>();
        if (recordIds.isEmpty() || months.endsWith("()")) {
            return found;
        }
        jdbc.query("SELECT " + RECORD_COLUMNS + " FROM usage_record WHERE record_id = ANY(?) AND " + months
                        + " ORDER BY usage_month",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", recordIds.toArray())),
                rs -> {
                    UsageRecord record = map(rs);
                    found.computeIfAbsent(record.recordId(), id -> new ArrayList<>()).add(record);
                });
        return found;
    }

    /** Marks {@code replaced} superseded by {@code byId}; false if it is already superseded. */
    boolean supersede(UsageRecord replaced, String byId) {
        return jdbc.update("UPDATE usage_record SET superseded_by = ? WHERE record_id = ? AND usage_month = ? "
                + "AND superseded_by IS NULL", byId, replaced.recordId(), replaced.month().atDay(1)) == 1;
    }

    /** A stored record's key: its id within its usage month. */
    record RecordKey(String recordId, YearMonth month) {
        static RecordKey of(UsageRecord record) {
            return new RecordKey(record.recordId(), record.month());
        }
    }

    /**
     * Marks each record named superseded by the record id given with it, rows taken in key order, and answers the
     * records it marked (one already superseded is left as it is and not answered). One statement per record, by its
     * primary key, sent as one JDBC batch (one round trip): a join of the records with an array would leave the
     * choice of plan to the partitions' statistics, and on a partition not analyzed yet (a month's first days) the
     * planner takes it for a few rows and scans it once per record (measured: 35 s for 1 093 replacements).
     */
    Set<RecordKey> supersedeAll(Map<RecordKey, String> byWhom) {
        Set<RecordKey> superseded = new HashSet<>();
        if (byWhom.isEmpty()) {
            return superseded;
        }
        List<Map.Entry<RecordKey, String>> rows = byWhom.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(KEY_ORDER)).toList();
        int[][] counts = jdbc.batchUpdate("UPDATE usage_record SET superseded_by = ? WHERE record_id = ? "
                        + "AND usage_month = ? AND superseded_by IS NULL", rows, rows.size(),
                (ps, row) -> {
                    ps.setString(1, row.getValue());
                    ps.setString(2, row.getKey().recordId());
                    ps.setObject(3, row.getKey().month().atDay(1));
                });
        for (int i = 0; i < rows.size(); i++) {
            if (counts[0][i] == 1) {
                superseded.add(rows.get(i).getKey());
            }
        }
        return superseded;
    }

    private static final Comparator<RecordKey> KEY_ORDER = Comparator.comparing(RecordKey::recordId)
            .thenComparing(RecordKey::month);

    Optional<String> supersedingRecordOf(String recordId) {
        return jdbc.query("SELECT superseded_by FROM usage_record WHERE record_id = ?",
                (rs, n) -> Optional.ofNullable(rs.getString(1)), recordId).stream().findFirst().flatMap(o -> o);
    }

    /**
     * Deletes records this transaction inserted and then refused, each by its primary key (one JDBC batch, a plan
     * that does not depend on the partitions' statistics: see {@link #supersedeAll}).
     */
    void delete(List<UsageRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<RecordKey> keys = records.stream().map(RecordKey::of).sorted(KEY_ORDER).toList();
        jdbc.batchUpdate("DELETE FROM usage_record WHERE record_id = ? AND usage_month = ?", keys, keys.size(),
                (ps, key) -> {
                    ps.setString(1, key.recordId());
                    ps.setObject(2, key.month().atDay(1));
                });
    }

    /** The months whose partition the retention rule dropped, with when (a small table, read per batch). */
    Map<YearMonth, java.time.Instant> purgedMonths() {
        Map<YearMonth, java.time.Instant> purged = new HashMap<>();
        jdbc.query("SELECT usage_month, dropped_at FROM usage_retention_purge", rs -> {
            purged.put(YearMonth.from(rs.getObject(1, java.time.LocalDate.class)), rs.getTimestamp(2).toInstant());
        });
        return purged;
    }

    private static UsageRecord map(ResultSet rs) throws SQLException {
        String technology = rs.getString("technology");
        return new UsageRecord(rs.getString("record_id"), rs.getString("subscriber_id"), rs.getString("line_id"),
                LineType.valueOf(rs.getString("line_type")),
                technology == null ? null : Technology.fromCode(technology).orElseThrow(),
                rs.getObject("usage_date", java.time.LocalDate.class), rs.getLong("bytes_down"),
                rs.getLong("bytes_up"), rs.getBoolean("estimated"), rs.getString("replaces"));
    }

    private static Array varchars(Connection c, List<UsageRecord> records, Function<UsageRecord, String> field)
            throws SQLException {
        return c.createArrayOf("varchar", records.stream().map(field).toArray());
    }

}
