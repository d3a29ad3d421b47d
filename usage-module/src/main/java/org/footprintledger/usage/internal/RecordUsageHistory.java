package org.footprintledger.usage.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.footprintledger.usage.api.DetailPurge;
import org.footprintledger.usage.api.DailyUsage;
import org.footprintledger.usage.api.UsageHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sums the stored records of a subscriber's lines for a month, in the month's partition through its (line, date)
 * index; and tells which months the retention rule purged.
 */
@Component
class RecordUsageHistory implements UsageHistory {

    private final JdbcTemplate jdbc;

    RecordUsageHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DailyUsage> dailyUsage(String subscriberId, YearMonth month) {
        return jdbc.query("SELECT r.line_id, r.usage_date, r.technology, count(*) AS records, "
                        + "count(*) FILTER (WHERE r.estimated) AS estimated_records, "
                        + "sum(r.bytes_down + r.bytes_up) AS bytes "
                        + "FROM usage_line l JOIN usage_record r ON r.line_id = l.line_id "
                        + "AND r.usage_month = ? AND r.usage_date >= ? AND r.usage_date < ? "
                        + "WHERE l.subscriber_id = ? AND r.superseded_by IS NULL "
                        + "GROUP BY r.line_id, r.usage_date, r.technology ORDER BY r.line_id, r.usage_date, r.technology",
                (rs, n) -> new DailyUsage(rs.getString("line_id"), rs.getObject("usage_date", LocalDate.class),
                        rs.getString("technology"), rs.getLong("records"), rs.getLong("estimated_records"),
                        rs.getLong("bytes")),
                month.atDay(1), month.atDay(1), month.plusMonths(1).atDay(1), subscriberId);
    }

    @Override
    public Optional<DetailPurge> detailPurge(YearMonth month) {
        return jdbc.query("SELECT dropped_at, rule FROM usage_retention_purge WHERE usage_month = ?",
                (rs, n) -> new DetailPurge(month, rs.getTimestamp("dropped_at").toInstant(), rs.getString("rule")),
                month.atDay(1)).stream().findFirst();
    }
}
