package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.RestateLedgerMonthCommand;
import org.footprintledger.footprint.api.RestateLedgerMonthsCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A restatement job that a crash left half-done in its table (the first subscriber's page restated and committed with
 * the cursor, the lease of the dead node run out) is picked up by the poll and finished: every ledger restated exactly
 * once. April 2026 is this test's own month.
 */
class RestatementJobResumeTest extends AuditJobsTest {

    private static final String MONTH = "2026-04";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    FactorSets factorSets;

    @Test
    void a_job_left_half_done_by_a_crash_is_resumed_and_restates_each_ledger_exactly_once() {
        String prefix = "R" + UUID.randomUUID().toString().substring(0, 6);
        List<String> subscribers = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        UsageFeed feed = UsageFeed.batch();
        for (String s : subscribers) {
            feed.mobile(s + "-r", s, s + "-mob", "2026-04-15", 10_000_000_000L, 0, false);
        }
        send(feed);
        subscriber = subscribers.get(2);
        statementWithGrams(MONTH, subscriber + "-mob", 494);
        close(MONTH);
        statementOnceItShows(MONTH, s -> s.get("status").asString().equals("CLOSED"));
        publish(set("RESUME-OP", "2026-04-01", "2026-05-01", List.of(value("MOBILE", "MOBILE_4G", 0, 30),
                value("MOBILE", null, 0, 40), value("FIXED", null, 4100, 0))));
        JsonNode simulation = simulate(published("RESUME-OP", MONTH, MONTH));
        assertThat(month(simulation, MONTH).get("linesChanged").asLong()).isEqualTo(3);

        // the crashed run: its first page (the first subscriber in the ledger's order, by key) restated through the
        // ledger's command, its cursor committed
        String firstKey = subscribers.stream().map(s -> subscriberKeys.keyOf(s).orElseThrow()).sorted().findFirst()
                .orElseThrow();
        String jobId = UUID.randomUUID().toString();
        Instant restatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var set = factorSets.byId("RESUME-OP").orElseThrow();
        transactions.executeWithoutResult(tx -> commands.sendAndWait(new RestateLedgerMonthsCommand(List.of(
                RestateLedgerMonthCommand.of(firstKey, YearMonth.parse(MONTH), set,
                        "valeurs opérateur (RESUME-OP)", restatedAt)))));
        jdbc.update("INSERT INTO ledger_restatement_job (restatement_id, simulation_id, factor_set_id, reason, forced, "
                        + "significance_percent, restated_at, status, requested_by, requested_at, claimed_until) "
                        + "VALUES (?, ?, 'RESUME-OP', 'valeurs opérateur', false, '5', ?, 'RUNNING', 'auditor', ?, ?)",
                jobId, simulation.get("simulation").get("simulationId").asString(), Timestamp.from(restatedAt),
                Timestamp.from(restatedAt), Timestamp.from(restatedAt.minusSeconds(60)));
        jdbc.update("INSERT INTO ledger_restatement_job_month (restatement_id, month, decision, change_percent, state, "
                + "last_subscriber_id, ledgers_restated) VALUES (?, ?, 'APPLY', '-39.2713', 'PENDING', ?, 1)",
                jobId, MONTH, firstKey);

        JsonNode job = restatementOnceFinished(jobId);
        assertThat(month(job, MONTH).get("state").asString()).isEqualTo("DONE");
        assertThat(month(job, MONTH).get("ledgersRestated").asLong()).isEqualTo(3);
        for (String s : subscribers) {
            subscriber = s;
            JsonNode line = line(statementWithGrams(MONTH, s + "-mob", 300), s + "-mob");
            assertThat(line.get("corrections")).as(s).hasSize(1);
            assertThat(line.get("corrections").get(0).get("reason").asString())
                    .isEqualTo("valeurs opérateur (RESUME-OP)");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_statement_correction WHERE month = ?", Long.class,
                MONTH)).isEqualTo(3);

        // a crash before the cursor was committed: the page runs again, and the ledgers record nothing new
        jdbc.update("UPDATE ledger_restatement_job SET status = 'RUNNING', claimed_until = NULL WHERE restatement_id = ?",
                jobId);
        jdbc.update("UPDATE ledger_restatement_job_month SET state = 'PENDING', last_subscriber_id = '' "
                + "WHERE restatement_id = ?", jobId);
        restatementOnceFinished(jobId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_statement_correction WHERE month = ?", Long.class,
                MONTH)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ? "
                + "AND payload_type LIKE '%StatementCorrected%'", Long.class, "%/" + MONTH)).isEqualTo(3);
    }
}
