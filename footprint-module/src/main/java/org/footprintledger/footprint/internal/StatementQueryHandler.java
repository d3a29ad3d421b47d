package org.footprintledger.footprint.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.footprintledger.footprint.api.Correction;
import org.footprintledger.footprint.api.CountedUsage;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FetchMonthlyStatementQuery;
import org.footprintledger.footprint.api.FetchStatementsQuery;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.api.StreamIntegrity;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.footprint.api.SubscriberMonthUsage;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.footprintledger.footprint.domain.StatementFold;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers statement queries: the current statements from the read model (closed months as issued or corrected) and
 * from the usage counted so far (open months, computed with the factor set in force), past ones ({@code asOf}) from
 * the ledger streams and the records' receipt times.
 */
@Component
class StatementQueryHandler {

    /** The subscriber's key, from its id, inside the statement that reads the rows under it (no row: no key). */
    private static final String KEY_OF_ID = "(SELECT pseudonym FROM subscriber_pseudonym WHERE subscriber_id = ?)";

    private final JdbcTemplate jdbc;
    private final PublishedFactorSets factorSets;
    private final StatementHistory history;
    private final CountedUsage counted;
    private final StreamVerdicts verdicts;
    private final SubscriberKeys keys;

    StatementQueryHandler(JdbcTemplate jdbc, PublishedFactorSets factorSets, StatementHistory history,
                          CountedUsage counted, StreamVerdicts verdicts, SubscriberKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.verdicts = verdicts;
        this.factorSets = factorSets;
        this.history = history;
        this.counted = counted;
    }

    @QueryHandler
    Optional<MonthlyStatement> handle(FetchMonthlyStatementQuery query) {
        return handle(new FetchStatementsQuery(query.subscriberId(), query.month(), query.month(), query.asOf()))
                .stream().findFirst();
    }

    /**
     * Every statement carries its stream's verdict ({@link StreamVerdicts}); one whose chain is broken is served
     * without its figures, never with figures computed from unverified events.
     */
    @QueryHandler
    List<MonthlyStatement> handle(FetchStatementsQuery query) {
        String subscriberId = query.subscriberId();
        if (query.asOf() != null) {
            String key = keys.keyOf(subscriberId).orElse(null);
            // the streams name the lines by their keys: their ids in one lookup for the whole range
            Map<String, String> lineIds = keys.lineIdsOf(key);
            return judged("statement-as-of", key,
                    history.statementsAsOf(subscriberId, key, query.from(), query.to(), query.asOf()).stream()
                            .map(statement -> statement.withLineIds(lineIds)).toList());
        }
        Map<String, String> fingerprints = new HashMap<>();
        List<MonthlyStatement> statements = current(subscriberId, query.from(), query.to(), fingerprints);
        Map<String, LedgerIntegrity.StreamVerdict> byLedger = verdicts.judgeFingerprinted("statement", fingerprints);
        Map<String, String> ledgerOfMonth = new HashMap<>();
        fingerprints.keySet().forEach(ledgerId -> ledgerOfMonth.put(ledgerId.substring(ledgerId.lastIndexOf('/') + 1),
                ledgerId));
        // an open month is computed from the usage counted, not from a ledger stream
        return statements.stream().map(s -> {
            String ledgerId = ledgerOfMonth.get(s.month());
            LedgerIntegrity.StreamVerdict verdict = ledgerId == null ? null : byLedger.get(ledgerId);
            return s.judged(verdict == null ? StreamIntegrity.UNCHAINED : verdict.integrity());
        }).toList();
    }

    private List<MonthlyStatement> judged(String read, String subscriberKey, List<MonthlyStatement> statements) {
        if (statements.isEmpty() || subscriberKey == null) {
            return statements.stream().map(s -> s.judged(StreamIntegrity.UNCHAINED)).toList();
        }
        Map<String, LedgerIntegrity.StreamVerdict> byLedger = verdicts.judge(read, statements.stream()
                .map(s -> LedgerIds.of(subscriberKey, YearMonth.parse(s.month()))).toList());
        return statements.stream().map(s -> {
            LedgerIntegrity.StreamVerdict verdict = byLedger.get(LedgerIds.of(subscriberKey,
                    YearMonth.parse(s.month())));
            return s.judged(verdict == null ? StreamIntegrity.UNCHAINED : verdict.integrity());
        }).toList();
    }

    /**
     * Closed months as the read model holds their issued and corrected figures; the other months with usage computed
     * from the usage counted so far under the factor set in force (provisional figures).
     */
    private List<MonthlyStatement> current(String subscriberId, YearMonth from, YearMonth to,
                                           Map<String, String> fingerprints) {
        FactorRegistry registry = factorSets.registry();
        Map<String, MonthlyStatement> byMonth = new TreeMap<>(closed(subscriberId, from, to, registry, fingerprints));
        for (SubscriberMonthUsage usage : counted.current(subscriberId, from, to)) {
            if (!byMonth.containsKey(usage.month().toString())) {
                StatementFold.counting(usage).statement(month -> Optional.of(registry.inForceFor(month)))
                        .ifPresent(statement -> byMonth.put(statement.month(), statement));
            }
        }
        return List.copyOf(byMonth.values());
    }

    /**
     * The closed statements, each line with its corrections, read by one statement: the projection writes a correction
     * and the figure it changed in one transaction, and one statement sees both or neither. (Two statements under a
     * REPEATABLE READ template of this handler's own did not: the query bus runs handlers in a transaction of its own,
     * which the template joined without its isolation, and a statement was read in CI with its corrected figure and
     * without the correction.) The read model holds them under the subscriber's key, looked up in the same statement,
     * and each line under its key, joined to its id; they are told under the ids asked, with the fingerprint of each
     * one's stream ({@link StreamVerdicts}) by ledger id.
     */
    private Map<String, MonthlyStatement> closed(String subscriberId, YearMonth from, YearMonth to,
                                                 FactorRegistry registry, Map<String, String> fingerprints) {
        Map<String, ShownLine> shown = new LinkedHashMap<>();
        jdbc.query("SELECT *, " + StreamVerdicts.FINGERPRINT_OF_STREAM + " AS chain_print FROM (SELECT l.*, "
                        + "coalesce(lp.line_id, l.line_id) AS shown_line_id, "
                        + "l.subscriber_id || '/' || l.month AS ledger_id, c.event_id AS correction_id, "
                        + "c.corrected_at, c.from_grams, c.to_grams, c.reason FROM ledger_statement_line l "
                        + "LEFT JOIN line_pseudonym lp ON lp.line_key = l.line_id COLLATE \"C\" "
                        + "LEFT JOIN ledger_statement_correction c ON c.subscriber_id = l.subscriber_id "
                        + "AND c.month = l.month AND c.line_id = l.line_id "
                        + "WHERE l.subscriber_id = " + KEY_OF_ID + " AND l.month BETWEEN ? AND ? "
                        + "AND l.status = 'CLOSED' AND l.shown_records > 0) lines "
                        + "ORDER BY month, shown_line_id, corrected_at, correction_id",
                rs -> {
                    String month = rs.getString("month");
                    ShownLine line = shown.get(month + "/" + rs.getString("line_id"));
                    if (line == null) {
                        fingerprints.put(rs.getString("ledger_id"), rs.getString("chain_print"));
                        line = new ShownLine(month, new StatementFigures(rs.getString("shown_line_id"),
                                LineType.valueOf(rs.getString("line_type")),
                                Technology.fromCode(rs.getString("technology")).orElse(null),
                                rs.getLong("shown_bytes"), rs.getLong("shown_records"),
                                rs.getLong("shown_estimated_records"), rs.getString("exact_go"),
                                rs.getString("exact_grams"), rs.getLong("data_go"), rs.getLong("co2e_grams")),
                                registry.byId(rs.getString("factor_set_id")).orElseThrow(), new ArrayList<>());
                        shown.put(month + "/" + rs.getString("line_id"), line);
                    }
                    if (rs.getString("correction_id") != null) {
                        line.corrections().add(new Correction(rs.getTimestamp("corrected_at").toInstant(),
                                rs.getLong("from_grams"), rs.getLong("to_grams"), rs.getString("reason")));
                    }
                },
                subscriberId, from.toString(), to.toString());
        Map<String, List<StatementLine>> linesByMonth = new LinkedHashMap<>();
        shown.values().forEach(line -> linesByMonth.computeIfAbsent(line.month(), m -> new ArrayList<>())
                .add(StatementFold.lineOf(line.figures(), line.set(), line.corrections())));
        Map<String, MonthlyStatement> statements = new LinkedHashMap<>();
        linesByMonth.forEach((month, lines) -> statements.put(month,
                new MonthlyStatement(subscriberId, month, StatementStatus.CLOSED, lines)));
        return statements;
    }

    /** A closed line as the read model holds it, with its corrections in the order they were made. */
    private record ShownLine(String month, StatementFigures figures, FactorSet set, List<Correction> corrections) {
    }
}
