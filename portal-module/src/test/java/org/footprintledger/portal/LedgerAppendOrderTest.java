package org.footprintledger.portal;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions that append to the ledger commit one after the other, in the order of the global index they drew, so a
 * tracking processor reading the event table never has to hold gaps for events committed later.
 */
class LedgerAppendOrderTest extends PortalIntegrationTest {

    /** A month no other test reads: the facts are sent to the ledger directly, with no usage record behind them. */
    private static final YearMonth MONTH = YearMonth.of(2024, 9);

    @Autowired
    private CommandGateway commands;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private JdbcTemplate jdbc;

    private final ExecutorService feeders = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopFeeders() {
        feeders.shutdownNow();
    }

    @Test
    void a_transaction_appending_to_the_ledger_waits_until_the_one_appending_before_it_has_committed()
            throws Exception {
        // named by keys, as every writer names its streams (a stream under an id is an earlier release's, ADR 0013)
        String first = SubscriberKeys.PREFIX + UUID.randomUUID().toString().replace("-", "");
        String second = SubscriberKeys.PREFIX + UUID.randomUUID().toString().replace("-", "");
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);

        Future<?> firstTransaction = feeders.submit(() -> transactions.executeWithoutResult(tx -> {
            commands.sendAndWait(factFor(first));
            firstAppended.countDown();
            awaitQuietly(firstMayCommit);
        }));
        assertThat(firstAppended.await(20, SECONDS)).isTrue();
        Future<?> secondTransaction = feeders.submit(() -> transactions.executeWithoutResult(
                tx -> commands.sendAndWait(factFor(second))));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'", Integer.class) > 0);
        assertThat(secondTransaction.isDone()).as("second transaction committed while the first was open").isFalse();

        firstMayCommit.countDown();
        firstTransaction.get(20, SECONDS);
        secondTransaction.get(20, SECONDS);
        assertThat(globalIndexOf(second)).isGreaterThan(globalIndexOf(first));
    }

    private static AccrueUsageBatchCommand factFor(String subscriber) {
        return new AccrueUsageBatchCommand("append-order-" + subscriber, List.of(AccrueLineUsageCommand.of(subscriber,
                MONTH, subscriber + "-M", LineType.MOBILE, Technology.MOBILE_4G, 1_000_000, 1, 0, "append-order")));
    }

    private long globalIndexOf(String subscriber) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, LedgerIds.of(subscriber, MONTH));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
