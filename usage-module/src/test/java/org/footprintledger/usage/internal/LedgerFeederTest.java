package org.footprintledger.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.footprintledger.footprint.api.ClosedMonths;
import org.footprintledger.footprint.api.LedgerConflictException;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LineUsageFact;
import org.footprintledger.footprint.api.UsageLedger;
import org.footprintledger.usage.api.ParkedLedger;
import org.footprintledger.usage.api.ParkedLedgerRetry;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger feeder as a plain class on a real PostgreSQL (usage's and footprint's migrations) with a recording
 * ledger behind the {@link UsageLedger} port: late usage waiting in the outbox reaches the ledger summed per
 * line-month, leaves the outbox in the transaction the ledger accepts it in, and is never lost nor fed twice.
 */
class LedgerFeederTest {

    private static final YearMonth CLOSED = YearMonth.of(2025, 3);
    private static final YearMonth STILL_CLOSING = YearMonth.of(2025, 4);

    private static MigratedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    private final Set<YearMonth> completedCloses = new CopyOnWriteArraySet<>(Set.of(CLOSED));
    private final RecordingLedger ledger = new RecordingLedger();
    private LedgerOutbox outbox;
    private ParkedLedgers parked;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = MigratedPostgres.start();
        // one data source for all: the ledger's statements then join the feeder's transaction, as in production
        DataSource database = postgres.dataSource();
        jdbc = new JdbcTemplate(database);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
        jdbc.execute("CREATE TABLE test_ledger_accrual (seq BIGSERIAL PRIMARY KEY, batch_id VARCHAR(64) NOT NULL, "
                + "subscriber_id VARCHAR(64) NOT NULL, month CHAR(7) NOT NULL, line_id VARCHAR(64) NOT NULL, "
                + "technology VARCHAR(8), bytes BIGINT NOT NULL, records BIGINT NOT NULL, estimated BIGINT NOT NULL)");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() {
        jdbc.update("DELETE FROM usage_ledger_fact");
        jdbc.update("DELETE FROM usage_parked_ledger");
        jdbc.update("DELETE FROM test_ledger_accrual");
        outbox = new LedgerOutbox(jdbc, transactions);
        parked = new ParkedLedgers(jdbc);
    }

    @Test
    void the_waiting_rows_of_a_line_month_reach_the_ledger_as_one_fact_and_leave_the_outbox() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", Technology.MOBILE_3G, 1_000, 2, 0)));
        outbox.append("intake-2", List.of(fact("S1", CLOSED, "L1", null, 500, 1, 1),
                fact("S1", CLOSED, "L2", Technology.MOBILE_4G, 70, 1, 0)));
        outbox.append("intake-3", List.of(fact("S1", CLOSED, "L1", Technology.MOBILE_5G, -200, -1, 0)));

        feeder().feedAll();

        assertThat(ledger.accepted()).containsExactly(
                "S1 2025-03 L1 5G 1300 bytes 2 records 1 estimated",
                "S1 2025-03 L2 4G 70 bytes 1 records 0 estimated");
        assertThat(waitingRows()).isZero();
        assertThat(feeder().hasBacklog()).isFalse();
    }

    @Test
    void late_usage_of_a_month_whose_close_still_runs_waits_until_the_close_has_completed() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", null, 1_000, 1, 0),
                fact("S1", STILL_CLOSING, "L1", null, 2_000, 1, 0)));
        LedgerFeeder feeder = feeder();

        feeder.feedAll();

        assertThat(ledger.accepted()).containsExactly("S1 2025-03 L1 - 1000 bytes 1 records 0 estimated");
        assertThat(waitingRows()).isEqualTo(1);
        assertThat(feeder.hasBacklog()).isFalse();

        completedCloses.add(STILL_CLOSING);
        assertThat(feeder.hasBacklog()).isTrue();
        feeder.feedAll();

        assertThat(ledger.accepted()).last().isEqualTo("S1 2025-04 L1 - 2000 bytes 1 records 0 estimated");
        assertThat(waitingRows()).isZero();
    }

    @Test
    void facts_go_in_key_order_in_commands_of_at_most_the_configured_size_under_one_feed_id_per_round() {
        for (String subscriber : List.of("S3", "S1", "S2")) {
            outbox.append("intake-" + subscriber, List.of(fact(subscriber, CLOSED, "L2", null, 20, 1, 0),
                    fact(subscriber, CLOSED, "L1", null, 10, 1, 0)));
        }

        new LedgerFeeder(outbox, closedMonths(), parked, ledger, transactions, new SimpleMeterRegistry(),
                idleIntake(), 20_000, 4, 3, 1).feedAll();

        assertThat(ledger.accepted()).containsExactly(
                "S1 2025-03 L1 - 10 bytes 1 records 0 estimated", "S1 2025-03 L2 - 20 bytes 1 records 0 estimated",
                "S2 2025-03 L1 - 10 bytes 1 records 0 estimated", "S2 2025-03 L2 - 20 bytes 1 records 0 estimated",
                "S3 2025-03 L1 - 10 bytes 1 records 0 estimated", "S3 2025-03 L2 - 20 bytes 1 records 0 estimated");
        // 6 facts, 4 per transaction, 3 per command: [3, 1] then [2]
        assertThat(ledger.commandSizes).containsExactly(3, 1, 2);
        assertThat(ledger.batchIds()).hasSize(1);
    }

    @Test
    void a_ledger_that_fails_keeps_every_fact_in_the_outbox_and_the_next_round_feeds_each_once() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", null, 1_000, 1, 0),
                fact("S2", CLOSED, "L1", null, 2_000, 1, 0)));
        LedgerFeeder feeder = feeder();
        ledger.failWith = facts -> {
            throw new TransientDataAccessResourceException("the event store is down");
        };

        assertThatThrownBy(feeder::feedAll).isInstanceOf(TransientDataAccessResourceException.class);

        assertThat(ledger.accepted()).isEmpty();
        assertThat(waitingRows()).isEqualTo(2);
        assertThat(feeder.parked()).as("a database failure is no refusal: nothing parked").isEmpty();

        ledger.failWith = null;
        feeder.feedAll();

        assertThat(ledger.accepted()).containsExactly("S1 2025-03 L1 - 1000 bytes 1 records 0 estimated",
                "S2 2025-03 L1 - 2000 bytes 1 records 0 estimated");
        assertThat(waitingRows()).isZero();
    }

    @Test
    void a_scheduled_round_the_ledger_fails_is_counted_and_the_next_round_feeds_the_facts() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", null, 1_000, 1, 0)));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        LedgerFeeder feeder = new LedgerFeeder(outbox, closedMonths(), parked, ledger, transactions, metrics,
                idleIntake(), 20_000, 1_000, 1_000, 2);
        ledger.failWith = facts -> {
            throw new TransientDataAccessResourceException("the event store is down");
        };

        feeder.feedOnSchedule();
        feeder.feedOnSchedule();

        assertThat(metrics.get("usage.ledger.feed.failures").counter().count()).isEqualTo(2);
        assertThat(metrics.get("usage.ledger.backlog").gauge().value()).isEqualTo(1);

        ledger.failWith = null;
        feeder.feedOnSchedule();

        assertThat(ledger.accepted()).containsExactly("S1 2025-03 L1 - 1000 bytes 1 records 0 estimated");
        assertThat(metrics.get("usage.ledger.facts.fed").counter().count()).isEqualTo(1);
    }

    @Test
    void a_scheduled_round_waits_while_a_file_import_runs() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", null, 1_000, 1, 0)));
        IntakeActivity intake = idleIntake();
        LedgerFeeder feeder = new LedgerFeeder(outbox, closedMonths(), parked, ledger, transactions,
                new SimpleMeterRegistry(), intake, 20_000, 1_000, 1_000, 2);

        intake.importStarted();
        feeder.feedOnSchedule();
        assertThat(ledger.accepted()).isEmpty();

        intake.importFinished();
        feeder.feedOnSchedule();
        assertThat(ledger.accepted()).hasSize(1);
    }

    @Test
    void a_ledger_the_ledger_refuses_is_parked_with_its_facts_kept_while_the_others_go_through() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", null, 1_000, 1, 0),
                fact("S2", CLOSED, "L1", null, 2_000, 1, 0), fact("S2", CLOSED, "L2", null, 3_000, 1, 0),
                fact("S3", CLOSED, "L1", null, 4_000, 1, 0)));
        ledger.failWith = refusing("S2");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        LedgerFeeder feeder = new LedgerFeeder(outbox, closedMonths(), parked, ledger, transactions, metrics,
                idleIntake(), 20_000, 1_000, 1_000, 2);

        feeder.feedAll();

        assertThat(metrics.get("usage.ledger.facts.fed").counter().count()).isEqualTo(2);
        assertThat(metrics.get("usage.ledger.parkings").counter().count()).isEqualTo(1);
        assertThat(metrics.get("usage.ledger.parked").gauge().value()).isEqualTo(1);
        assertThat(metrics.get("usage.ledger.backlog").gauge().value()).isZero();
        assertThat(ledger.accepted()).containsExactlyInAnyOrder("S1 2025-03 L1 - 1000 bytes 1 records 0 estimated",
                "S3 2025-03 L1 - 4000 bytes 1 records 0 estimated");
        assertThat(feeder.parked()).singleElement().satisfies(p -> {
            assertThat(p.ledgerId()).isEqualTo(LedgerIds.of("S2", CLOSED));
            assertThat(p.reason()).isEqualTo("LedgerConflictException: line L1 is of another type");
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.waitingFacts()).isEqualTo(2);
        });
        assertThat(feeder.hasBacklog()).as("a parked ledger's facts are no backlog").isFalse();

        int calls = ledger.commandSizes.size();
        feeder.feedAll();
        assertThat(ledger.commandSizes).as("a parked ledger stays out of the rounds").hasSize(calls);
    }

    @Test
    void a_parked_ledger_retried_by_ops_is_fed_once_accepted_and_parked_again_while_refused() {
        outbox.append("intake-1", List.of(fact("S2", CLOSED, "L1", null, 2_000, 1, 0)));
        ledger.failWith = refusing("S2");
        LedgerFeeder feeder = feeder();
        feeder.feedAll();
        String ledgerId = LedgerIds.of("S2", CLOSED);

        assertThat(feeder.retryParked(ledgerId)).contains(new ParkedLedgerRetry(ledgerId, false,
                "LedgerConflictException: line L1 is of another type"));
        assertThat(feeder.parked()).singleElement().extracting(ParkedLedger::attempts).isEqualTo(2);

        ledger.failWith = null;
        assertThat(feeder.retryParked(ledgerId)).contains(new ParkedLedgerRetry(ledgerId, true, null));

        assertThat(ledger.accepted()).containsExactly("S2 2025-03 L1 - 2000 bytes 1 records 0 estimated");
        assertThat(feeder.parked()).isEmpty();
        assertThat(waitingRows()).isZero();
        assertThat(feeder.retryParked(ledgerId)).as("an unknown ledger").isEmpty();
    }

    @Test
    void a_row_the_ledger_cannot_read_parks_its_ledger_without_a_command() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", null, 1_000, 1, 0),
                fact("S2", CLOSED, "L1", null, 2_000, 1, 0)));
        jdbc.update("UPDATE usage_ledger_fact SET technology = 'XX' WHERE subscriber_id = 'S2'");
        LedgerFeeder feeder = feeder();

        feeder.feedAll();

        assertThat(ledger.accepted()).containsExactly("S1 2025-03 L1 - 1000 bytes 1 records 0 estimated");
        assertThat(feeder.parked()).singleElement().satisfies(p -> assertThat(p.reason())
                .isEqualTo("the waiting facts of line L1 cannot be read: unknown technology XX"));
        assertThat(waitingRows()).isEqualTo(1);
    }

    @Test
    void usage_arriving_between_the_feeders_read_and_its_delete_stays_for_the_next_round() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", null, 1_000, 1, 0)));
        TransactionTemplate beside = new TransactionTemplate(transactions.getTransactionManager());
        beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        LedgerOutbox intakeArrivingOnce = new LedgerOutbox(jdbc, transactions) {
            private boolean arrived;

            @Override
            boolean remove(List<PendingFact> facts) {
                if (!arrived) {
                    arrived = true;
                    beside.executeWithoutResult(tx -> append("intake-2",
                            List.of(fact("S1", CLOSED, "L1", null, 300, 1, 0))));
                }
                return super.remove(facts);
            }
        };

        new LedgerFeeder(intakeArrivingOnce, closedMonths(), parked, ledger, transactions, new SimpleMeterRegistry(),
                idleIntake(), 20_000, 1_000, 1_000, 2).feedAll();

        assertThat(ledger.accepted()).containsExactly("S1 2025-03 L1 - 1000 bytes 1 records 0 estimated",
                "S1 2025-03 L1 - 300 bytes 1 records 0 estimated");
        assertThat(waitingRows()).isZero();
    }

    @Test
    void facts_another_feeder_took_between_the_read_and_the_delete_are_not_fed_again() {
        outbox.append("intake-1", List.of(fact("S1", CLOSED, "L1", null, 1_000, 1, 0),
                fact("S2", CLOSED, "L1", null, 2_000, 1, 0)));
        TransactionTemplate beside = new TransactionTemplate(transactions.getTransactionManager());
        beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        LedgerOutbox takenByAnotherFeeder = new LedgerOutbox(jdbc, transactions) {
            @Override
            boolean remove(List<PendingFact> facts) {
                beside.executeWithoutResult(tx -> jdbc.update("DELETE FROM usage_ledger_fact"));
                return super.remove(facts);
            }
        };

        new LedgerFeeder(takenByAnotherFeeder, closedMonths(), parked, ledger, transactions,
                new SimpleMeterRegistry(), idleIntake(), 20_000, 1_000, 1_000, 1).feedAll();

        assertThat(ledger.accepted()).isEmpty();
        assertThat(parked.count()).isZero();
    }

    @Test
    void two_feeders_at_once_feed_each_fact_exactly_once() {
        List<LineUsageFact> facts = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            for (int l = 0; l < 5; l++) {
                facts.add(fact("S" + s, CLOSED, "L" + l, null, 100 + l, 1, 0));
            }
        }
        outbox.append("intake-1", facts);
        LedgerFeeder one = smallChunkFeeder();
        LedgerFeeder other = smallChunkFeeder();

        CompletableFuture.allOf(CompletableFuture.runAsync(one::feedAll), CompletableFuture.runAsync(other::feedAll))
                .join();
        one.feedAll();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM test_ledger_accrual", Long.class)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT (subscriber_id, line_id)) FROM test_ledger_accrual",
                Long.class)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT sum(bytes) FROM test_ledger_accrual", Long.class))
                .isEqualTo(40L * (100 + 101 + 102 + 103 + 104));
        assertThat(waitingRows()).isZero();
    }

    private LedgerFeeder feeder() {
        return new LedgerFeeder(outbox, closedMonths(), parked, ledger, transactions, new SimpleMeterRegistry(),
                idleIntake(), 20_000, 1_000, 1_000, 2);
    }

    private LedgerFeeder smallChunkFeeder() {
        return new LedgerFeeder(outbox, closedMonths(), parked, ledger, transactions, new SimpleMeterRegistry(),
                idleIntake(), 30, 7, 3, 2);
    }

    private ClosedMonths closedMonths() {
        return new ClosedMonths() {
            @Override
            public Set<YearMonth> recordedHoldingOffCloses() {
                return completedCloses;
            }

            @Override
            public Set<YearMonth> completed() {
                return completedCloses;
            }
        };
    }

    private static IntakeActivity idleIntake() {
        return new IntakeActivity(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    private static Consumer<List<LineUsageFact>> refusing(String subscriberId) {
        return facts -> {
            if (facts.stream().anyMatch(f -> f.subscriberId().equals(subscriberId))) {
                throw new LedgerConflictException("line L1 is of another type");
            }
        };
    }

    private static LineUsageFact fact(String subscriber, YearMonth month, String line, Technology technology,
                                      long bytes, long records, long estimated) {
        return new LineUsageFact(subscriber, month, line, LineType.MOBILE, technology, bytes, records, estimated);
    }

    private static long waitingRows() {
        return jdbc.queryForObject("SELECT count(*) FROM usage_ledger_fact", Long.class);
    }

    /**
     * The ledger behind its port, as the port promises: it records what it accepts in the caller's transaction
     * (table {@code test_ledger_accrual}), or throws and records nothing.
     */
    private static final class RecordingLedger implements UsageLedger {

        volatile Consumer<List<LineUsageFact>> failWith;
        final List<Integer> commandSizes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accrue(String batchId, List<LineUsageFact> facts) {
            commandSizes.add(facts.size());
            for (LineUsageFact f : facts) {
                jdbc.update("INSERT INTO test_ledger_accrual (batch_id, subscriber_id, month, line_id, technology, "
                        + "bytes, records, estimated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batchId, f.subscriberId(),
                        f.month().toString(), f.lineId(), f.technology() == null ? null : f.technology().code(),
                        f.bytesDelta(), f.recordsDelta(), f.estimatedRecordsDelta());
            }
            Consumer<List<LineUsageFact>> failure = failWith;
            if (failure != null) {
                failure.accept(facts);
            }
        }

        /** What the ledger holds, in the order it accepted it. */
        List<String> accepted() {
            return jdbc.query("SELECT subscriber_id, month, line_id, technology, bytes, records, estimated "
                    + "FROM test_ledger_accrual ORDER BY seq", (rs, n) -> rs.getString(1) + " " + rs.getString(2)
                    + " " + rs.getString(3) + " " + (rs.getString(4) == null ? "-" : rs.getString(4)) + " "
                    + rs.getLong(5) + " bytes " + rs.getLong(6) + " records " + rs.getLong(7) + " estimated");
        }

        List<String> batchIds() {
            return jdbc.queryForList("SELECT DISTINCT batch_id FROM test_ledger_accrual", String.class);
        }
    }
}
