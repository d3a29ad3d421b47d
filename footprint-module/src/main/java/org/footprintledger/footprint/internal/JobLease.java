package org.footprintledger.footprint.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lease a node holds on a job of one job table: claimed while its lease runs, renewed as the job progresses; a
 * job whose lease ran out (its node stopped or died) is claimed again by the next poll, of any node.
 */
final class JobLease {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String idColumn;
    private final Clock clock;
    private final Duration lease;

    JobLease(JdbcTemplate jdbc, String table, String idColumn, Clock clock, Duration lease) {
        this.jdbc = jdbc;
        this.table = table;
        this.idColumn = idColumn;
        this.clock = clock;
        this.lease = lease;
    }

    /** Claims the oldest job queued, or running under a lease that ran out; empty when there is none. */
    Optional<String> claimNext() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query("UPDATE " + table + " SET status = 'RUNNING', claimed_until = ? WHERE " + idColumn + " = ("
                        + "SELECT " + idColumn + " FROM " + table + " WHERE status IN ('QUEUED', 'RUNNING') "
                        + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY requested_at LIMIT 1 "
                        + "FOR UPDATE SKIP LOCKED) RETURNING " + idColumn,
                (rs, n) -> rs.getString(1), Timestamp.from(clock.instant().plus(lease)), now).stream().findFirst();
    }

    void renew(String id) {
        jdbc.update("UPDATE " + table + " SET claimed_until = ? WHERE " + idColumn + " = ?",
                Timestamp.from(clock.instant().plus(lease)), id);
    }

    void complete(String id) {
        jdbc.update("UPDATE " + table + " SET status = 'COMPLETED', claimed_until = NULL, completed_at = ? WHERE "
                + idColumn + " = ?", Timestamp.from(clock.instant()), id);
    }

    void fail(String id, String error) {
        jdbc.update("UPDATE " + table + " SET status = 'FAILED', claimed_until = NULL, completed_at = ?, error = ? "
                + "WHERE " + idColumn + " = ?", Timestamp.from(clock.instant()), error, id);
    }
}
