package org.footprintledger.usage.internal;

import java.time.YearMonth;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps a record id unique across the monthly partitions although PostgreSQL enforces a key only within each one.
 * The key (record_id, usage_month) covers a month; for the other months the insert probes their partitions, which
 * is exact only if no batch writing another month commits in between. So before its insert a batch locks every
 * partition, in month order (no deadlock between batches):
 * <ul>
 *   <li>a batch of one month m takes ROW EXCLUSIVE on m's partition (batches of the same month run side by side: the
 *       key sees their rows) and SHARE on every other one (a batch writing that month must wait, and waits);</li>
 *   <li>a batch of several months takes SHARE ROW EXCLUSIVE on its months (it excludes any other batch writing or
 *       probing them) and SHARE on the others.</li>
 * </ul>
 * A daily file's batches thus run in parallel, and a batch of another month (late data) waits for them to commit,
 * or they for it. The locks are taken from the catalog at the time, so a partition created by another node counts.
 */
final class CrossMonthLocks {

    private CrossMonthLocks() {
    }

    /** One round trip: a DO block locking each partition of usage_record in the mode the batch needs. */
    static String statementFor(Set<YearMonth> batchMonths) {
        String written = batchMonths.stream().map(UsageRecordPartitions::tableOf).map(t -> "'" + t + "'")
                .collect(Collectors.joining(","));
        String writeMode = batchMonths.size() == 1 ? "ROW EXCLUSIVE" : "SHARE ROW EXCLUSIVE";
        return "DO $$ DECLARE p text; BEGIN "
                + "FOR p IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = 'usage_record'::regclass ORDER BY c.relname LOOP "
                + "EXECUTE format('LOCK TABLE %I IN %s MODE', p, "
                + "CASE WHEN p IN (" + written + ") THEN '" + writeMode + "' ELSE 'SHARE' END); "
                + "END LOOP; END $$";
    }
}
