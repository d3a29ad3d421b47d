package org.footprintledger.footprint.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.footprintledger.footprint.api.ExactFigures;
import org.footprintledger.footprint.api.FetchMonthlyStatementQuery;
import org.footprintledger.footprint.api.FetchStatementsQuery;
import org.footprintledger.footprint.api.LineType;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.footprintledger.footprint.domain.FactorSet;
import org.footprintledger.footprint.domain.LineMonthFootprint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers statement queries from the read model, computing the regulated figures with the factor set in force. */
@Component
class StatementQueryHandler {

    private final JdbcTemplate jdbc;
    private final FactorRegistry factors;

    StatementQueryHandler(JdbcTemplate jdbc, FactorRegistry factors) {
        this.jdbc = jdbc;
        this.factors = factors;
    }

    @QueryHandler
    Optional<MonthlyStatement> handle(FetchMonthlyStatementQuery query) {
        List<MonthlyStatement> found = statements(query.subscriberId(), query.month(), query.month());
        return found.stream().findFirst();
    }

    @QueryHandler
    List<MonthlyStatement> handle(FetchStatementsQuery query) {
        return statements(query.subscriberId(), query.from(), query.to());
    }

    private List<MonthlyStatement> statements(String subscriberId, YearMonth from, YearMonth to) {
        Map<String, List<StatementLine>> linesByMonth = new LinkedHashMap<>();
        jdbc.query("SELECT month, line_id, line_type, bytes, records, estimated_records FROM ledger_statement_line "
                        + "WHERE subscriber_id = ? AND month BETWEEN ? AND ? AND records > 0 ORDER BY month, line_id",
                rs -> {
                    YearMonth month = YearMonth.parse(rs.getString("month"));
                    StatementLine line = line(month, rs.getString("line_id"),
                            LineType.valueOf(rs.getString("line_type")), rs.getLong("bytes"), rs.getLong("records"),
                            rs.getLong("estimated_records") > 0);
                    linesByMonth.computeIfAbsent(month.toString(), m -> new ArrayList<>()).add(line);
                },
                subscriberId, from.toString(), to.toString());
        return linesByMonth.entrySet().stream()
                .map(e -> new MonthlyStatement(subscriberId, e.getKey(), StatementStatus.OPEN, e.getValue()))
                .toList();
    }

    private StatementLine line(YearMonth month, String lineId, LineType type, long bytes, long records,
                               boolean estimated) {
        FactorSet set = factors.inForceFor(month);
        LineMonthFootprint footprint = LineMonthFootprint.compute(set, type, bytes, records);
        return new StatementLine(lineId, type, type.legalLabel(), footprint.displayedGo(), estimated,
                footprint.displayedGrams(), new ExactFigures(bytes, footprint.exactGrams()), set.id(),
                set.methodSummary(), List.of());
    }
}
