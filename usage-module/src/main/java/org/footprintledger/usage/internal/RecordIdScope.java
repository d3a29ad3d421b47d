package org.footprintledger.usage.internal;

import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How far a record id is unique across the monthly partitions, PostgreSQL enforcing a key only within each one. The
 * key (record_id, usage_month) covers a month; the insert also probes the partitions of the months within
 * {@code windowMonths} of each record's month (each on its key index), where an id stored earlier makes the record a
 * conflict. So a record id is unique within its month and the {@code windowMonths} months either side; further apart,
 * the same id is a different record. 0 probes nothing; a window as long as the retention period makes ids unique
 * within everything kept. Each month probed costs a read of that month's key index by a day's file (the growth
 * benchmark in docs/performance.md measures it), hence the default of 1: the month boundary, where a re-dated record
 * lands in practice.
 * <p>
 * A probe is exact only if no batch writing a probed month commits in between, so before its insert a batch locks,
 * in month order (no deadlock between batches), the partitions it writes and probes:
 * <ul>
 *   <li>a batch of one month m takes ROW EXCLUSIVE on m's partition (batches of the same month run side by side: the
 *       key sees their rows) and SHARE on each probed one (a batch writing that month waits, or is waited for);</li>
 *   <li>a batch of several months takes SHARE ROW EXCLUSIVE on its months (it excludes any other batch writing or
 *       probing them) and SHARE on the probed ones.</li>
 * </ul>
 * The partitions are listed from the catalog at the time, so one created by another node counts.
 */
final class RecordIdScope {

    private final int windowMonths;

    RecordIdScope(int windowMonths) {
        if (windowMonths < 0) {
            throw new IllegalArgumentException("the record id window is a number of months ≥ 0, got " + windowMonths);
        }
        this.windowMonths = windowMonths;
    }

    /**
     * The months a batch of these months probes: every month within the window of one of them, the batch's own
     * months included (a row of one probes another's month; the row's own month is left to the key).
     */
    Set<YearMonth> probedMonths(Set<YearMonth> batchMonths) {
        Set<YearMonth> probed = new TreeSet<>();
        for (YearMonth month : batchMonths) {
            for (int distance = 1; distance <= windowMonths; distance++) {
                probed.add(month.minusMonths(distance));
                probed.add(month.plusMonths(distance));
            }
        }
        return probed;
    }

    /** One round trip: a DO block locking each partition the batch writes or probes, in the mode it needs. */
    String lockStatement(Set<YearMonth> batchMonths) {
        String writeMode = batchMonths.size() == 1 ? "ROW EXCLUSIVE" : "SHARE ROW EXCLUSIVE";
        Set<YearMonth> locked = new TreeSet<>(batchMonths);
        locked.addAll(probedMonths(batchMonths));
        return "DO $$ DECLARE p text; BEGIN "
                + "FOR p IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = 'usage_record'::regclass AND c.relname IN (" + tables(locked) + ") "
                + "ORDER BY c.relname LOOP "
                + "EXECUTE format('LOCK TABLE %I IN %s MODE', p, "
                + "CASE WHEN p IN (" + tables(batchMonths) + ") THEN '" + writeMode + "' ELSE 'SHARE' END); "
                + "END LOOP; END $$";
    }

    /**
     * The condition a staged row {@code s} (its month given by {@code stagedMonth}) must meet to be inserted: no
     * record with its id in a probed month within the window of its own month. The constant list of months lets the
     * planner leave every other partition out.
     */
    String notInOtherMonths(Set<YearMonth> batchMonths, String stagedMonth) {
        Set<YearMonth> probed = probedMonths(batchMonths);
        if (probed.isEmpty()) {
            return "TRUE";
        }
        String months = probed.stream().map(m -> "DATE '" + m.atDay(1) + "'").collect(Collectors.joining(", "));
        return "(SELECT 1 FROM usage_record r WHERE r.record_id = s.record_id AND r.usage_month IN (" + months + ") "
                + "AND r.usage_month <> " + stagedMonth + " AND r.usage_month BETWEEN (" + stagedMonth
                + " - interval '" + windowMonths + " months') AND (" + stagedMonth + " + interval '" + windowMonths
                + " months') LIMIT 1) IS NULL";
    }

    private static String tables(Set<YearMonth> months) {
        return months.stream().map(m -> "'" + UsageRecordPartitions.tableOf(m) + "'").collect(Collectors.joining(","));
    }
}
