package org.footprintledger.portal.web;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.footprintledger.footprint.api.FetchLineAveragesQuery;
import org.footprintledger.footprint.api.FetchMonthlyStatementQuery;
import org.footprintledger.footprint.api.FetchStatementExplanationQuery;
import org.footprintledger.footprint.api.FetchStatementsQuery;
import org.footprintledger.footprint.api.LineAverage;
import org.footprintledger.footprint.api.StatementExplanation;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.springframework.stereotype.Component;

/** Reads statements through Axon's query bus, so the portal knows only the ledger's api. */
@Component
public class StatementReader {

    private final QueryGateway queries;

    StatementReader(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<MonthlyStatement> monthly(String subscriberId, YearMonth month) {
        return monthly(subscriberId, month, null);
    }

    /** The statement as shown at {@code asOf}, or now when {@code null}. */
    public Optional<MonthlyStatement> monthly(String subscriberId, YearMonth month, Instant asOf) {
        return queries.query(new FetchMonthlyStatementQuery(subscriberId, month, asOf),
                ResponseTypes.optionalInstanceOf(MonthlyStatement.class)).join();
    }

    public List<MonthlyStatement> range(String subscriberId, YearMonth from, YearMonth to) {
        return range(subscriberId, from, to, null);
    }

    public List<MonthlyStatement> range(String subscriberId, YearMonth from, YearMonth to, Instant asOf) {
        return queries.query(new FetchStatementsQuery(subscriberId, from, to, asOf),
                ResponseTypes.multipleInstancesOf(MonthlyStatement.class)).join();
    }

    /** The average closed line of each type and technology in the month (never one subscriber's figures alone). */
    public List<LineAverage> averages(YearMonth month) {
        return queries.query(new FetchLineAveragesQuery(month), ResponseTypes.multipleInstancesOf(LineAverage.class))
                .join();
    }

    public Optional<StatementExplanation> explanation(String subscriberId, YearMonth month) {
        return queries.query(new FetchStatementExplanationQuery(subscriberId, month),
                ResponseTypes.optionalInstanceOf(StatementExplanation.class)).join();
    }
}
