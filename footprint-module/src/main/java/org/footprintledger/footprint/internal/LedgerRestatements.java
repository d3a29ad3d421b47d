package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LedgerConflictException;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.RestateLedgerMonthCommand;
import org.footprintledger.footprint.api.RestateLedgerMonthsCommand;
import org.footprintledger.footprint.api.Restatements;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.footprint.domain.LineMonthFootprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares a closed month's statements with another factor set, then restates: each ledger recomputes its own figures
 * and records a correction per line, so customers see the change with the figure shown before. Ledgers are restated a
 * page at a time, one batch command per page (its streams read in one query), as the month close does.
 */
@Component
class LedgerRestatements implements Restatements {

    private static final Logger log = LoggerFactory.getLogger(LedgerRestatements.class);
    private static final int LISTED_DIFFERENCES = 1000;
    private static final int PAGE_SIZE = 1000;

    private final JdbcTemplate cursor;
    private final LedgerMonths months;
    private final PublishedFactorSets factorSets;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter restated;

    LedgerRestatements(DataSource dataSource, LedgerMonths months,
                       PublishedFactorSets factorSets, CommandGateway commands, TransactionTemplate transactions,
                       Clock clock, MeterRegistry metrics) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.months = months;
        this.factorSets = factorSets;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
        this.restated = Counter.builder("ledger.months.restated")
                .description("Subscriber-months restated under another factor set").register(metrics);
    }

    @Override
    public Comparison compare(YearMonth month, String factorSetId) {
        FactorSet set = setFor(month, factorSetId);
        List<Difference> differences = new ArrayList<>();
        long[] counts = {0, 0};
        transactions.executeWithoutResult(tx -> cursor.query("SELECT subscriber_id, line_id, line_type, technology, "
                        + "factor_set_id, shown_bytes, shown_records, shown_estimated_records, exact_grams, co2e_grams "
                        + "FROM ledger_statement_line WHERE month = ? AND status = 'CLOSED' AND shown_records > 0 "
                        + "ORDER BY subscriber_id, line_id",
                rs -> {
                    counts[0]++;
                    StatementFigures restatedFigures = LineMonthFootprint.figures(set, rs.getString("line_id"),
                            LineType.valueOf(rs.getString("line_type")),
                            Technology.fromCode(rs.getString("technology")).orElse(null), rs.getLong("shown_bytes"),
                            rs.getLong("shown_records"), rs.getLong("shown_estimated_records"));
                    if (!restatedFigures.exactGrams().equals(rs.getString("exact_grams"))) {
                        counts[1]++;
                        if (differences.size() < LISTED_DIFFERENCES) {
                            differences.add(new Difference(rs.getString("subscriber_id"), rs.getString("line_id"),
                                    rs.getString("factor_set_id"), rs.getLong("co2e_grams"),
                                    rs.getString("exact_grams"), restatedFigures.co2eGrams(),
                                    restatedFigures.exactGrams()));
                        }
                    }
                }, month.toString()));
        return new Comparison(month.toString(), set.id(), counts[0], counts[1], List.copyOf(differences));
    }

    @Override
    public RestatementReport restate(YearMonth month, String factorSetId, String reason, String requestedBy) {
        FactorSet set = setFor(month, factorSetId);
        if (months.closeCompletedAt(month).isEmpty()) {
            throw new LedgerConflictException("month " + month + " is not closed: only issued statements are restated");
        }
        long started = System.nanoTime();
        Instant at = clock.instant();
        String fullReason = fullReason(reason, set);
        months.recordRestatedSet(month, set);
        long ledgers = months.forEachPage(month, PAGE_SIZE, page -> transactions.executeWithoutResult(tx ->
                restatePage(month, set, fullReason, at, page)));
        restated.increment(ledgers);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.warn("{} restated under {} by {}: {} ledgers, {} ms; reason: {}", month, set.id(), requestedBy, ledgers,
                millis, reason);
        return new RestatementReport(month.toString(), set.id(), ledgers, millis);
    }

    /**
     * Restates the ledgers of a page of the month's subscribers, in the caller's transaction: the one command path of
     * every restatement (this month-at-once restatement and the restatement jobs).
     */
    void restatePage(YearMonth month, FactorSet set, String fullReason, Instant at, List<String> subscribers) {
        commands.sendAndWait(new RestateLedgerMonthsCommand(subscribers.stream()
                .map(subscriber -> RestateLedgerMonthCommand.of(subscriber, month, set, fullReason, at)).toList()));
    }

    /** The reason each correction carries: the auditor's, with the set's id. */
    static String fullReason(String reason, FactorSet set) {
        return reason + " (" + set.id() + ")";
    }

    private FactorSet setFor(YearMonth month, String factorSetId) {
        FactorSet set = factorSets.byId(factorSetId)
                .orElseThrow(() -> new IllegalArgumentException("unknown factor set " + factorSetId));
        if (!set.inForceFor(month)) {
            throw new IllegalArgumentException("factor set " + factorSetId + " does not cover " + month);
        }
        return set;
    }
}
