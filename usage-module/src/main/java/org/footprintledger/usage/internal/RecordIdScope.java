package org.footprintledger.usage.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How far a record id is unique across the monthly partitions, PostgreSQL enforcing a key only within each one. The
 * key (record_id, usage_month) covers a month. Across months, a record dated in the first or last
 * {@value #BOUNDARY_DAYS} days of its month is checked against the same number of days on the other side of that
 * boundary (partial indexes {@code usage_record_month_start} and {@code _end}): a record id re-dated across a month
 * boundary by a week at most is a conflict; further apart, the same id is another record. Probing a whole
 * neighbouring month, or every month kept, would read that month's whole key index for each day's file (measured in
 * docs/performance.md); the boundary weeks are a quarter of it, read only by files of those weeks.
 * <p>
 * A probe is exact only if no batch writing the probed month commits in between, so before its insert a batch locks,
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

    /** Kept in step with the partial indexes of migration V2026_12_01_27. */
    static final int BOUNDARY_DAYS = 7;

    private final Set<YearMonth> written = new TreeSet<>();
    private final Set<YearMonth> previousProbed = new TreeSet<>();
    private final Set<YearMonth> nextProbed = new TreeSet<>();

    /** The scope of one batch: the months it writes and, from its records' dates, the months it probes. */
    RecordIdScope(Collection<LocalDate> usageDates) {
        for (LocalDate date : usageDates) {
            YearMonth month = YearMonth.from(date);
            written.add(month);
            YearMonth probed = neighbourProbed(date);
            if (probed != null) {
                (probed.isBefore(month) ? previousProbed : nextProbed).add(probed);
            }
        }
    }

    Set<YearMonth> writtenMonths() {
        return written;
    }

    /**
     * One round trip: a DO block locking each partition the batch writes or probes, in the mode it needs; nothing for
     * a batch of one month outside its boundary weeks (a day's batch of the feed endpoint, most days), whose insert
     * takes its partition's ROW EXCLUSIVE itself as it routes its first row, before it writes any.
     */
    String lockStatement() {
        if (written.size() == 1 && previousProbed.isEmpty() && nextProbed.isEmpty()) {
            return "";
        }
        String writeMode = written.size() == 1 ? "ROW EXCLUSIVE" : "SHARE ROW EXCLUSIVE";
        Set<YearMonth> locked = new TreeSet<>(written);
        locked.addAll(previousProbed);
        locked.addAll(nextProbed);
        return "DO $$ DECLARE p text; BEGIN "
                + "FOR p IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = 'usage_record'::regclass AND c.relname IN (" + tables(locked) + ") "
                + "ORDER BY c.relname LOOP "
                + "EXECUTE format('LOCK TABLE %I IN %s MODE', p, "
                + "CASE WHEN p IN (" + tables(written) + ") THEN '" + writeMode + "' ELSE 'SHARE' END); "
                + "END LOOP; END $$";
    }

    /**
     * The neighbouring month whose boundary week a record of this date is checked against: the previous month for a
     * date in its month's first {@value #BOUNDARY_DAYS} days, the next one in its last; null in between.
     */
    static YearMonth neighbourProbed(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        if (date.getDayOfMonth() <= BOUNDARY_DAYS) {
            return month.minusMonths(1);
        }
        if (date.getDayOfMonth() > month.lengthOfMonth() - BOUNDARY_DAYS) {
            return month.plusMonths(1);
        }
        return null;
    }

    /**
     * The ids stored in a neighbouring month's boundary week, among the probed records given as two arrays (their
     * ids, for each the first day of the month {@link #neighbourProbed} names, and whether that month is the previous
     * one, whose last week is probed, or the next one, whose first week is). The conditions repeat the partial
     * indexes' predicates, so the planner uses them; the constant months prune every other partition.
     */
    String acrossBoundaryProbe() {
        String matching = "r.record_id = p.id COLLATE \"C\" AND r.usage_month = p.month";
        String previous = previousProbed.isEmpty() ? "FALSE" : "(p.previous AND " + matching + " AND r.usage_month IN ("
                + dates(previousProbed) + ") AND r.usage_date >= (r.usage_month + interval '1 month')::date - "
                + BOUNDARY_DAYS + ")";
        String next = nextProbed.isEmpty() ? "FALSE" : "(NOT p.previous AND " + matching + " AND r.usage_month IN ("
                + dates(nextProbed) + ") AND r.usage_date < r.usage_month + " + BOUNDARY_DAYS + ")";
        return "SELECT p.id FROM unnest(?::varchar[], ?::varchar[]::date[], ?::boolean[]) AS p(id, month, previous) "
                + "WHERE EXISTS (SELECT 1 FROM usage_record r WHERE " + previous + ") "
                + "OR EXISTS (SELECT 1 FROM usage_record r WHERE " + next + ")";
    }

    private static String tables(Set<YearMonth> months) {
        return months.stream().map(m -> "'" + UsageRecordPartitions.tableOf(m) + "'").collect(Collectors.joining(","));
    }

    private static String dates(Set<YearMonth> months) {
        return months.stream().map(m -> "DATE '" + m.atDay(1) + "'").collect(Collectors.joining(", "));
    }
}
