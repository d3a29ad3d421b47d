package org.footprintledger.footprint.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.footprintledger.footprint.api.LedgerIntegrity.Rekeying;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every re-keying ({@code ledger_rekeying}), what an auditor reads to explain a digest held from before
 * it; and how many of the streams a digest names were re-keyed since, by count (their old names are kept nowhere).
 */
@Component
class RekeyingRecords {

    private final JdbcTemplate jdbc;

    RekeyingRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One subscriber re-keyed; {@code digestsRewritten} by the rewrite it was part of (a job's page shares one). */
    void record(Instant at, String subscriberKey, long streams, long events, long lines, long digestsRewritten,
                String cause) {
        jdbc.update("INSERT INTO ledger_rekeying (rekeyed_at, subscriber_key, streams, events, lines, "
                        + "digests_rewritten, cause) VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(at),
                subscriberKey, streams, events, lines, digestsRewritten, cause);
    }

    /** Ties the re-keying done for an erasure to the log entry recording it (same transaction). */
    void belongsTo(String subscriberKey, long personalDataLogEntry) {
        jdbc.update("UPDATE ledger_rekeying SET personal_data_log_entry = ? WHERE subscriber_key = ? "
                + "AND personal_data_log_entry IS NULL", personalDataLogEntry, subscriberKey);
    }

    List<Rekeying> latest(int limit) {
        return jdbc.query("SELECT * FROM ledger_rekeying ORDER BY rekeyed_at DESC, rekeying_id DESC LIMIT ?",
                (rs, row) -> new Rekeying(rs.getLong("rekeying_id"), rs.getTimestamp("rekeyed_at").toInstant(),
                        rs.getString("cause"), rs.getString("subscriber_key"), rs.getLong("streams"),
                        rs.getLong("events"), rs.getLong("lines"), rs.getLong("digests_rewritten"),
                        (Long) rs.getObject("personal_data_log_entry")), limit);
    }

    /** The re-keyings after the instant, and how many of their streams existed at it (their first event before). */
    Since since(Instant digestRecordedAt) {
        Set<Long> rekeyings = new HashSet<>(jdbc.queryForList("SELECT rekeying_id FROM ledger_rekeying "
                + "WHERE rekeyed_at > ?", Long.class, Timestamp.from(digestRecordedAt)));
        long[] streams = new long[1];
        jdbc.query("SELECT e.time_stamp FROM ledger_rekeying r JOIN ledger_month_index i ON i.subscriber_id = "
                + "r.subscriber_key JOIN domain_event_entry e ON e.aggregate_identifier = i.subscriber_id || '/' || "
                + "i.month AND e.sequence_number = 0 WHERE r.rekeyed_at > ?", rs -> {
                    if (!Instant.parse(rs.getString(1)).isAfter(digestRecordedAt)) {
                        streams[0]++;
                    }
                }, Timestamp.from(digestRecordedAt));
        return new Since(rekeyings.size(), streams[0]);
    }

    record Since(long rekeyings, long streams) {
    }
}
