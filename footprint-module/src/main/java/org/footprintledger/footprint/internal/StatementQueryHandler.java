package org.footprintledger.footprint.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.footprintledger.footprint.api.Correction;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FetchMonthlyStatementQuery;
import org.footprintledger.footprint.api.FetchStatementsQuery;
import org.footprintledger.footprint.api.LineType;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.footprint.api.Technology;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.footprintledger.footprint.domain.LineMonthFootprint;
import org.footprintledger.footprint.domain.StatementFold;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers statement queries: the current statements from the read model (closed lines as issued or corrected, open
 * lines computed with the factor set in force), past ones ({@code asOf}) from the ledger streams.
 */
@Component
class StatementQueryHandler {

    private final JdbcTemplate jdbc;
    private final PublishedFactorSets factorSets;
    private final StatementHistory history;
    private final TransactionTemplate snapshot;

    StatementQueryHandler(JdbcTemplate jdbc, PublishedFactorSets factorSets, StatementHistory history,
                          PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.factorSets = factorSets;
        this.history = history;
        // lines and corrections are read from one snapshot: the projection writes a correction and the figure it
        // changed in one transaction, and a statement must never show one without the other
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    @QueryHandler
    Optional<MonthlyStatement> handle(FetchMonthlyStatementQuery query) {
        return handle(new FetchStatementsQuery(query.subscriberId(), query.month(), query.month(), query.asOf()))
                .stream().findFirst();
    }

    @QueryHandler
    List<MonthlyStatement> handle(FetchStatementsQuery query) {
        if (query.asOf() != null) {
            return history.statementsAsOf(query.subscriberId(), query.from(), query.to(), query.asOf());
        }
        return snapshot.execute(tx -> current(query.subscriberId(), query.from(), query.to()));
    }

    private List<MonthlyStatement> current(String subscriberId, YearMonth from, YearMonth to) {
        FactorRegistry registry = factorSets.registry();
        Map<String, List<Correction>> corrections = corrections(subscriberId, from, to);
        Map<String, List<StatementLine>> linesByMonth = new LinkedHashMap<>();
        Map<String, StatementStatus> statusByMonth = new HashMap<>();
        jdbc.query("SELECT * FROM ledger_statement_line WHERE subscriber_id = ? AND month BETWEEN ? AND ? "
                        + "AND (CASE WHEN status = 'CLOSED' THEN shown_records ELSE records END) > 0 "
                        + "ORDER BY month, line_id",
                rs -> {
                    String month = rs.getString("month");
                    String lineId = rs.getString("line_id");
                    LineType type = LineType.valueOf(rs.getString("line_type"));
                    Technology technology = Technology.fromCode(rs.getString("technology")).orElse(null);
                    boolean closed = "CLOSED".equals(rs.getString("status"));
                    FactorSet set = closed ? registry.byId(rs.getString("factor_set_id")).orElseThrow()
                            : registry.inForceFor(YearMonth.parse(month));
                    StatementFigures figures = closed
                            ? new StatementFigures(lineId, type, technology, rs.getLong("shown_bytes"),
                                    rs.getLong("shown_records"), rs.getLong("shown_estimated_records"),
                                    rs.getString("exact_go"), rs.getString("exact_grams"), rs.getLong("data_go"),
                                    rs.getLong("co2e_grams"))
                            : LineMonthFootprint.figures(set, lineId, type, technology, rs.getLong("bytes"),
                                    rs.getLong("records"), rs.getLong("estimated_records"));
                    linesByMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(StatementFold.lineOf(figures, set,
                            corrections.getOrDefault(month + "/" + lineId, List.of())));
                    if (closed) {
                        statusByMonth.put(month, StatementStatus.CLOSED);
                    }
                },
                subscriberId, from.toString(), to.toString());
        return linesByMonth.entrySet().stream()
                .map(e -> new MonthlyStatement(subscriberId, e.getKey(),
                        statusByMonth.getOrDefault(e.getKey(), StatementStatus.OPEN), e.getValue()))
                .toList();
    }

    private Map<String, List<Correction>> corrections(String subscriberId, YearMonth from, YearMonth to) {
        Map<String, List<Correction>> byLine = new HashMap<>();
        jdbc.query("SELECT month, line_id, corrected_at, from_grams, to_grams, reason FROM ledger_statement_correction "
                        + "WHERE subscriber_id = ? AND month BETWEEN ? AND ? ORDER BY corrected_at, event_id",
                rs -> {
                    byLine.computeIfAbsent(rs.getString("month") + "/" + rs.getString("line_id"),
                            key -> new ArrayList<>()).add(new Correction(rs.getTimestamp("corrected_at").toInstant(),
                            rs.getLong("from_grams"), rs.getLong("to_grams"), rs.getString("reason")));
                },
                subscriberId, from.toString(), to.toString());
        return byLine;
    }
}
