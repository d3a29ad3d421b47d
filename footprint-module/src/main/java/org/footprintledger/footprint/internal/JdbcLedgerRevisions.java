package org.footprintledger.footprint.internal;

import java.time.YearMonth;
import org.footprintledger.footprint.api.CountedUsage;
import org.footprintledger.footprint.api.LedgerRevisions;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The marker from PostgreSQL's row versions: every insert or update of a row gives it a new {@code xmin} (the id of
 * the transaction that wrote it), so the count and the sum of the {@code xmin}s of the subscriber's statement lines
 * (a correction or a restatement rewrites its line in the same transaction as it stores the correction) and devices
 * change with any write, whoever made it and on whichever node; so do those of the device models (a catalogue of a
 * few hundred rows) the devices' footprint is computed from, and those of the months' ledger streams themselves (an
 * event altered, deleted or rewritten in the event table changes the marker, so the integrity verdict of a kept page
 * is taken again). The open months' provisional figures come from the usage
 * module's running totals, which give their own marker. Index range reads: the statement lines by their key
 * (subscriber, month), the devices by theirs (subscriber), the events by (stream id, sequence): a subscriber's stream
 * ids of consecutive months sort together ({@link org.footprintledger.footprint.api.LedgerIds}).
 */
@Component
class JdbcLedgerRevisions implements LedgerRevisions {

    /** Spreads a row count over the sum of the transaction ids, so that one marker mixes both. */
    static final long ROWS_WEIGHT = 1_000_003L;
    /**
     * The subscriber's key read in the same statement (its statement lines and streams are under it); without one,
     * the bare prefix matches no row ("~/…" sorts before every "~<hex>/…" stream id).
     */
    private static final String SQL = "WITH k AS (SELECT coalesce((SELECT pseudonym FROM subscriber_pseudonym "
            + "WHERE subscriber_id = ?), '" + SubscriberKeys.PREFIX + "') AS key) SELECT "
            + "(SELECT count(*) * " + ROWS_WEIGHT + " + coalesce(sum(xmin::text::bigint), 0) FROM ledger_statement_line "
            + "WHERE subscriber_id = (SELECT key FROM k) AND month BETWEEN ? AND ?) * 31 "
            + "+ (SELECT count(*) * " + ROWS_WEIGHT + " + coalesce(sum(xmin::text::bigint), 0) FROM subscriber_device "
            + "WHERE subscriber_id = ?) * 31 "
            + "+ (SELECT count(*) * " + ROWS_WEIGHT + " + coalesce(sum(xmin::text::bigint), 0) FROM device_model) * 31 "
            + "+ (SELECT count(*) * " + ROWS_WEIGHT + " + coalesce(sum(xmin::text::bigint), 0) FROM domain_event_entry "
            + "WHERE aggregate_identifier BETWEEN (SELECT key FROM k) || '/' || ? AND (SELECT key FROM k) || '/' || ?)";

    private final JdbcTemplate jdbc;
    private final CountedUsage counted;

    JdbcLedgerRevisions(JdbcTemplate jdbc, CountedUsage counted) {
        this.jdbc = jdbc;
        this.counted = counted;
    }

    @Override
    public long of(String subscriberId, YearMonth from, YearMonth to) {
        Long ledger = jdbc.queryForObject(SQL, Long.class, subscriberId, from.toString(), to.toString(), subscriberId,
                from.toString(), to.toString());
        return (ledger == null ? 0 : ledger) * 31 + counted.revision(subscriberId, from, to);
    }
}
