package org.footprintledger.usage.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.footprintledger.usage.api.ParkedLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Ledgers the ledger refused a fact of (table {@code usage_parked_ledger}), keyed by subscriber and month. */
@Repository
class ParkedLedgers {

    private final JdbcTemplate jdbc;

    ParkedLedgers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A ledger as the outbox keys it. */
    record Key(String subscriberId, String month) {
    }

    /** Parks the ledger (or counts one more attempt of a parked one); answers whether it was newly parked. */
    boolean park(Key key, String ledgerId, String reason, Instant at) {
        Integer attempts = jdbc.queryForObject("INSERT INTO usage_parked_ledger AS p (subscriber_id, month, ledger_id, "
                + "reason, first_failed_at, last_failed_at, attempts) VALUES (?, ?, ?, ?, ?, ?, 1) "
                + "ON CONFLICT (subscriber_id, month) DO UPDATE SET reason = EXCLUDED.reason, "
                + "last_failed_at = EXCLUDED.last_failed_at, attempts = p.attempts + 1 RETURNING attempts",
                Integer.class, key.subscriberId(), key.month(), ledgerId, reason, Timestamp.from(at),
                Timestamp.from(at));
        return attempts != null && attempts == 1;
    }

    void unpark(Key key) {
        jdbc.update("DELETE FROM usage_parked_ledger WHERE subscriber_id = ? AND month = ?", key.subscriberId(),
                key.month());
    }

    Set<Key> keys() {
        return new HashSet<>(jdbc.query("SELECT subscriber_id, month FROM usage_parked_ledger",
                (rs, n) -> new Key(rs.getString(1), rs.getString(2))));
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM usage_parked_ledger", Long.class);
        return count == null ? 0 : count;
    }

    List<ParkedLedger> all() {
        return jdbc.query("SELECT p.ledger_id, p.subscriber_id, p.month, p.reason, p.first_failed_at, "
                + "p.last_failed_at, p.attempts, (SELECT count(*) FROM usage_ledger_fact f "
                + "WHERE f.subscriber_id = p.subscriber_id AND f.month = p.month) "
                + "FROM usage_parked_ledger p ORDER BY p.first_failed_at, p.ledger_id", (rs, n) -> new ParkedLedger(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getLong(8)));
    }

    Optional<Key> byLedgerId(String ledgerId) {
        return jdbc.query("SELECT subscriber_id, month FROM usage_parked_ledger WHERE ledger_id = ?",
                (rs, n) -> new Key(rs.getString(1), rs.getString(2)), ledgerId).stream().findFirst();
    }
}
