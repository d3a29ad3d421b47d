package org.footprintledger.footprint.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.footprintledger.footprint.api.ClosedMonths;
import java.util.function.Consumer;
import org.footprintledger.footprint.api.FactorSet;
import java.sql.ResultSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.stereotype.Repository;

/**
 * Which ledger streams each month has, and which months are closed with which factor set.
 *
 * <p>A close and the batches that create streams exclude each other through one PostgreSQL advisory lock: batches take
 * it shared for their transaction, the close takes it exclusively while it records the month as closed. So a stream is
 * either created before the close is recorded (and the close walks it) or created after (and its batch sees the month
 * closed and closes it at once): none is left open.
 */
@Repository
class LedgerMonths implements ClosedMonths, LedgerIndex {

    private static final long CLOSE_LOCK = 0x4C45444745524CL;

    private final JdbcTemplate jdbc;
    private final PublishedFactorSets factorSets;

    LedgerMonths(JdbcTemplate jdbc, PublishedFactorSets factorSets) {
        this.jdbc = jdbc;
        this.factorSets = factorSets;
    }

    @Override
    public Map<YearMonth, FactorSet> closedMonthsHoldingOffCloses() {
        // two statements in one round trip: the second takes its snapshot once the first holds the lock, so it sees
        // every close recorded before (read committed: a snapshot per statement)
        Map<String, String> setIdByMonth = jdbc.execute((StatementCallback<Map<String, String>>) statement -> {
            statement.execute("SELECT pg_advisory_xact_lock_shared(" + CLOSE_LOCK + "); "
                    + "SELECT month, factor_set_id FROM ledger_month_close");
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("the closed months were not answered");
            }
            Map<String, String> rows = new HashMap<>();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    rows.put(rs.getString("month"), rs.getString("factor_set_id"));
                }
            }
            return rows;
        });
        Map<YearMonth, FactorSet> closed = new HashMap<>();
        setIdByMonth.forEach((month, setId) -> closed.put(YearMonth.parse(month), factorSets.byId(setId)
                .orElseThrow(() -> new IllegalStateException("month closed with unknown factor set " + setId))));
        return closed;
    }

    @Override
    public Set<YearMonth> recordedHoldingOffCloses() {
        return Set.copyOf(closedMonthsHoldingOffCloses().keySet());
    }

    @Override
    public Set<YearMonth> completed() {
        return jdbc.queryForList("SELECT month FROM ledger_month_close WHERE completed_at IS NOT NULL", String.class)
                .stream().map(YearMonth::parse).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void index(List<Stream> newStreams) {
        if (newStreams.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO ledger_month_index (month, subscriber_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                newStreams, 1000, (ps, stream) -> {
                    ps.setString(1, stream.month().toString());
                    ps.setString(2, stream.subscriberId());
                });
    }

    /**
     * Records the month as closed (the first close decides the factor set; later ones keep it), waiting for batches in
     * flight. Call in its own short transaction.
     */
    String recordClose(YearMonth month, FactorSet factorSet, String requestedBy, Instant at) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", CLOSE_LOCK);
        jdbc.update("INSERT INTO ledger_month_close (month, factor_set_id, requested_at, requested_by) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (month) DO NOTHING", month.toString(), factorSet.id(),
                Timestamp.from(at), requestedBy);
        return jdbc.queryForObject("SELECT factor_set_id FROM ledger_month_close WHERE month = ?", String.class,
                month.toString());
    }

    void recordCompleted(YearMonth month, long ledgers, Instant at) {
        jdbc.update("UPDATE ledger_month_close SET completed_at = ?, ledgers = ? WHERE month = ?",
                Timestamp.from(at), ledgers, month.toString());
    }

    /** Months whose close was recorded but did not complete (interrupted), oldest first. */
    List<YearMonth> closesInProgress() {
        return jdbc.queryForList("SELECT month FROM ledger_month_close WHERE completed_at IS NULL ORDER BY month",
                String.class).stream().map(YearMonth::parse).toList();
    }

    Optional<Instant> closeCompletedAt(YearMonth month) {
        return jdbc.query("SELECT completed_at FROM ledger_month_close WHERE month = ? AND completed_at IS NOT NULL",
                (rs, n) -> rs.getTimestamp(1).toInstant(), month.toString()).stream().findFirst();
    }

    /** Restated months: a stream created later for that month is closed under the restated set. */
    void recordRestatedSet(YearMonth month, FactorSet factorSet) {
        jdbc.update("UPDATE ledger_month_close SET factor_set_id = ? WHERE month = ?", factorSet.id(),
                month.toString());
    }

    /**
     * Hands the month's subscribers to {@code page}, a page of at most {@code pageSize} at a time in id order (each
     * page read after the previous one was handed over); answers how many there were.
     */
    long forEachPage(YearMonth month, int pageSize, Consumer<List<String>> page) {
        long subscribers = 0;
        for (List<String> next = subscribersOf(month, "", pageSize); !next.isEmpty();
             next = subscribersOf(month, next.get(next.size() - 1), pageSize)) {
            page.accept(next);
            subscribers += next.size();
        }
        return subscribers;
    }

    /** At most {@code limit} of the month's subscribers after {@code after}, in id order (the pages of a restatement). */
    List<String> subscribersOf(YearMonth month, String after, int limit) {
        return jdbc.queryForList("SELECT subscriber_id FROM ledger_month_index WHERE month = ? AND subscriber_id > ? "
                + "ORDER BY subscriber_id LIMIT ?", String.class, month.toString(), after, limit);
    }

    /** The months in which a subscriber has a ledger stream, between two months included. */
    List<YearMonth> monthsOf(String subscriberId, YearMonth from, YearMonth to) {
        return jdbc.queryForList("SELECT month FROM ledger_month_index WHERE subscriber_id = ? AND month BETWEEN ? AND ? "
                + "ORDER BY month", String.class, subscriberId, from.toString(), to.toString())
                .stream().map(YearMonth::parse).toList();
    }
}
