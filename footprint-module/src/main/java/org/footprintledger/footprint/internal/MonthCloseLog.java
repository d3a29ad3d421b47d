package org.footprintledger.footprint.internal;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import org.footprintledger.footprint.api.MonthCloses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The closes recorded in {@code ledger_month_close}, with the progress of those running on this node. */
@Repository
class MonthCloseLog implements MonthCloses {

    private final JdbcTemplate jdbc;
    private final MonthCloseProgress progress;

    MonthCloseLog(JdbcTemplate jdbc, MonthCloseProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @Override
    public List<MonthCloseState> recent(int limit) {
        return jdbc.query("SELECT month, factor_set_id, requested_at, requested_by, completed_at, ledgers "
                + "FROM ledger_month_close ORDER BY requested_at DESC, month DESC LIMIT ?", (rs, n) -> {
                    String month = rs.getString("month");
                    Timestamp completed = rs.getTimestamp("completed_at");
                    long ledgers = rs.getLong("ledgers");
                    Long recorded = rs.wasNull() ? null : ledgers;
                    MonthCloseProgress.Running running = progress.of(YearMonth.parse(month));
                    return new MonthCloseState(month, rs.getString("factor_set_id"),
                            rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"),
                            completed == null ? null : completed.toInstant(), recorded,
                            running == null ? null : running.done().get(), running == null ? null : running.total());
                }, limit);
    }
}
