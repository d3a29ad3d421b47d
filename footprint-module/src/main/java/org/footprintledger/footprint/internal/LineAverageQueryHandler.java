package org.footprintledger.footprint.internal;

import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.footprintledger.footprint.api.FetchLineAveragesQuery;
import org.footprintledger.footprint.api.LineAverage;
import org.footprintledger.vocabulary.LineType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Averages of a month's closed lines by line type and technology, in one query over the statement read model. */
@Component
class LineAverageQueryHandler {

    private final JdbcTemplate jdbc;

    LineAverageQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<LineAverage> handle(FetchLineAveragesQuery query) {
        return jdbc.query("SELECT line_type, technology, count(*) AS lines, avg(exact_go::numeric) AS go, "
                        + "avg(exact_grams::numeric) AS grams FROM ledger_statement_line "
                        + "WHERE month = ? AND status = 'CLOSED' AND shown_records > 0 "
                        + "GROUP BY line_type, technology ORDER BY line_type, technology",
                (rs, row) -> new LineAverage(LineType.valueOf(rs.getString("line_type")), rs.getString("technology"),
                        rs.getLong("lines"), rs.getBigDecimal("go"), rs.getBigDecimal("grams")),
                query.month().toString());
    }
}
