package org.footprintledger.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import javax.sql.DataSource;
import org.footprintledger.footprint.api.MonthCloseReport;
import org.footprintledger.footprint.api.MonthClosing;
import org.footprintledger.portal.FootprintLedgerApplication;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.LedgerFeed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ledger speed, beside raw batched JDBC inserts of as many rows into a copy of the event table (same columns, same
 * indexes, payloads of the same size) measured in the same run: N subscribers with two lines each (one mobile, one
 * fixed) over 12 months loaded through the feed (one record per line and month: one ledger event per line-month),
 * then the 12 month closes. Prints ledger events per second and subscriber-months (and line-months) closed per
 * second. Not part of the normal build: see the README's performance section.
 */
@Tag("benchmark")
class LedgerBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 42_000);
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    private static final int MONTHS = 12;

    @Test
    void ledger_events_and_month_closes_beside_raw_batched_inserts() throws Exception {
        Path work = Files.createTempDirectory("ledger-benchmark");
        Path feed = work.resolve("feed.csv");
        long rows = writeFeed(feed);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0", "--footprint.embedded-db.directory=" + work.resolve("db"),
                "--footprint.demo-data.enabled=false", "--footprint.month-close.scheduled=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            LedgerFeed ledgerFeed = app.getBean(LedgerFeed.class);

            long started = System.nanoTime();
            ImportStatus status = app.getBean(FileImports.class).importFile(feed, progress -> { });
            double intakeSeconds = seconds(started);
            long eventsBefore = count(jdbc, "domain_event_entry");
            long appendStarted = System.nanoTime();
            ledgerFeed.feedAll();
            while (ledgerFeed.hasBacklog()) {
                Thread.sleep(20);
                ledgerFeed.feedAll();
            }
            double appendSeconds = seconds(appendStarted);
            long accrualEvents = count(jdbc, "domain_event_entry") - eventsBefore;
            int payloadBytes = jdbc.queryForObject("SELECT avg(length(payload))::int FROM domain_event_entry "
                    + "WHERE payload_type LIKE '%LineUsageAccruedEvent'", Integer.class);

            long lineMonthsFed = (long) SUBSCRIBERS * 2 * MONTHS;
            double readModelSeconds = waitUntil(jdbc, "SELECT count(*) FROM ledger_statement_line", lineMonthsFed,
                    appendStarted);

            double rawSeconds = rawBatchedInserts(app.getBean(DataSource.class), accrualEvents, payloadBytes);

            MonthClosing closing = app.getBean(MonthClosing.class);
            long closeStarted = System.nanoTime();
            long subscriberMonths = 0;
            double slowestMonth = 0;
            for (int m = 0; m < MONTHS; m++) {
                long monthStarted = System.nanoTime();
                MonthCloseReport report = closing.close(FIRST_MONTH.plusMonths(m), "benchmark");
                slowestMonth = Math.max(slowestMonth, seconds(monthStarted));
                subscriberMonths += report.newlyClosed();
            }
            double closeSeconds = seconds(closeStarted);
            double closedReadModelSeconds = waitUntil(jdbc,
                    "SELECT count(*) FROM ledger_statement_line WHERE status = 'CLOSED'", lineMonthsFed, closeStarted);
            long lineMonths = jdbc.queryForObject("SELECT count(*) FROM ledger_month_index", Long.class) * 2;
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapAfterMb = memory.getHeapMemoryUsage().getUsed() >> 20;

            System.out.printf("%n=== Ledger benchmark: %d cores, max heap %d MB ===%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("feed: %,d subscribers x 2 lines x %d months = %,d records (intake %.1f s, %s)%n",
                    SUBSCRIBERS, MONTHS, rows, intakeSeconds, status.status());
            System.out.printf("raw batched JDBC inserts into a copy of the event table: %,12.0f rows/s (%,d rows of "
                    + "%d-byte payloads in %.1f s)%n", accrualEvents / rawSeconds, accrualEvents, payloadBytes,
                    rawSeconds);
            System.out.printf("ledger events appended through the feed:                 %,12.0f events/s (%,d events in "
                    + "%.1f s) = %.1f %% of raw%n", accrualEvents / appendSeconds, accrualEvents, appendSeconds,
                    100 * (accrualEvents / appendSeconds) / (accrualEvents / rawSeconds));
            System.out.printf("    read model up to date %.1f s after the append started%n", readModelSeconds);
            System.out.printf("month closes: %,d subscriber-months (%,d line-months) in %.1f s = %,.0f subscriber-months/s,"
                    + " %,.0f line-months/s, %,.0f statement events/s; slowest month %.1f s%n", subscriberMonths,
                    lineMonths, closeSeconds, subscriberMonths / closeSeconds, lineMonths / closeSeconds,
                    subscriberMonths / closeSeconds, slowestMonth);
            System.out.printf("    read model shows every line closed %.1f s after the first close started%n",
                    closedReadModelSeconds);
            System.out.printf("    a close of 1,000,000 line-months at this rate: %.1f s (goal: under 120 s)%n",
                    1_000_000 / (lineMonths / closeSeconds));
            System.out.printf("heap after the run and a GC: %d MB (no ledger state is cached between commands)%n%n",
                    heapAfterMb);

            assertThat(status.accepted()).isEqualTo(rows);
            assertThat(accrualEvents).isEqualTo(rows);
            assertThat(subscriberMonths).isEqualTo((long) SUBSCRIBERS * MONTHS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_statement_line WHERE status = 'CLOSED'",
                    Long.class)).isLessThanOrEqualTo(lineMonths);
        }
    }

    /** One record per line and month, the 15th, with the contract's CSV columns. */
    private static long writeFeed(Path feed) throws IOException {
        return BenchmarkFeed.write(feed, FIRST_MONTH, MONTHS, SUBSCRIBERS, (out, month, s) -> {
            String subscriber = String.format("B%07d", s);
            out.write("R" + subscriber + "M-" + month + "," + subscriber + "," + subscriber + "-M,MOBILE,4G,"
                    + month.atDay(15) + "," + (1_000_000L + 7919L * s % 9_000_000_000L) + ",1000,false,\n");
            out.write("R" + subscriber + "F-" + month + "," + subscriber + "," + subscriber + "-F,FIXED,FTTH,"
                    + month.atDay(15) + "," + (50_000_000_000L + s) + ",1000,false,\n");
            return 2;
        });
    }

    private static double rawBatchedInserts(DataSource dataSource, long rows, int payloadBytes) throws Exception {
        byte[] payload = new byte[payloadBytes];
        java.util.Arrays.fill(payload, (byte) 'x');
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE benchmark_raw_events (LIKE domain_event_entry "
                    + "INCLUDING ALL)");
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO benchmark_raw_events "
                    + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                    + "payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                String now = Instant.now().toString();
                for (long i = 0; i < rows; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "B" + (i % 1_000_000) + "/" + (i / 1_000_000));
                    insert.setLong(3, i / 1_000_000);
                    insert.setString(4, "SubscriberMonthLedger");
                    insert.setString(5, now);
                    insert.setString(6, "org.footprintledger.footprint.api.LineUsageAccruedEvent");
                    insert.setString(7, "2");
                    insert.setBytes(8, payload);
                    insert.setBytes(9, "{}".getBytes());
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            double seconds = seconds(started);
            connection.setAutoCommit(true);
            connection.createStatement().execute("DROP TABLE benchmark_raw_events");
            return seconds;
        }
    }

    /** Seconds from {@code startedNanos} until the query answers {@code expected}. */
    private static double waitUntil(JdbcTemplate jdbc, String countQuery, long expected, long startedNanos)
            throws InterruptedException {
        while (jdbc.queryForObject(countQuery, Long.class) < expected) {
            Thread.sleep(50);
        }
        return seconds(startedNanos);
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

}
