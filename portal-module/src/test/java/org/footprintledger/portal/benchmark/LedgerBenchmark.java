package org.footprintledger.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import javax.sql.DataSource;
import org.footprintledger.footprint.api.MonthCloseReport;
import org.footprintledger.footprint.api.MonthClosing;
import org.footprintledger.portal.FootprintLedgerApplication;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ledger speed and size in the two shapes an operator's feed takes, side by side in one run, beside raw batched JDBC
 * inserts of as many rows into a copy of the event table (same columns, same indexes, payloads of the statement events'
 * size) measured in the same run:
 * <ul>
 *   <li>monthly: N subscribers with two lines each (one mobile, one fixed) over the 12 months of 2024, one record per
 *   line and month, in one file;</li>
 *   <li>daily: N other subscribers with two lines each over one month (March 2025), one record per line and day, in
 *   30 files imported one after the other (a file a day).</li>
 * </ul>
 * Each shape's months are then closed. Prints, per shape, ledger events and event-store bytes per line-month (table
 * and indexes) beside the raw usage records' bytes per line-month, and the close rate in line-months per second. The
 * ledger's read model runs throughout. Not part of the normal build: see docs/performance.md.
 */
@Tag("benchmark")
class LedgerBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 20_000);
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    private static final int MONTHS = 12;
    private static final YearMonth DAILY_MONTH = YearMonth.of(2025, 3);
    private static final YearMonth WARM_UP_MONTH = YearMonth.of(2023, 6);
    private static final int DAYS = 30;

    @Test
    void ledger_size_and_month_closes_in_the_monthly_and_the_daily_shape_beside_raw_batched_inserts()
            throws Exception {
        Path work = Files.createTempDirectory("ledger-benchmark");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0", "--footprint.embedded-db.directory=" + work.resolve("db"),
                "--footprint.demo-data.enabled=false", "--footprint.month-close.scheduled=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<YearMonth> year = new ArrayList<>();
            for (int m = 0; m < MONTHS; m++) {
                year.add(FIRST_MONTH.plusMonths(m));
            }
            // a month of other subscribers first, imported and closed but not measured: the JIT warms up
            run(app, jdbc, "warm-up", List.of(monthlyFile(work, "W", 2_000, WARM_UP_MONTH, 1)), List.of(WARM_UP_MONTH));
            Shape monthly = run(app, jdbc, "monthly",
                    List.of(monthlyFile(work, "B", SUBSCRIBERS, FIRST_MONTH, MONTHS)), year);
            Shape daily = run(app, jdbc, "daily", dailyFiles(work), List.of(DAILY_MONTH));
            int payloadBytes = jdbc.queryForObject("SELECT avg(length(payload))::int FROM domain_event_entry",
                    Integer.class);
            long rawRows = daily.lineMonths + monthly.lineMonths;
            double rawSeconds = rawBatchedInserts(app.getBean(DataSource.class), rawRows, payloadBytes);
            double rawRate = rawRows / rawSeconds;
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapAfterMb = memory.getHeapMemoryUsage().getUsed() >> 20;

            System.out.printf("%n=== Ledger benchmark: %d cores, max heap %d MB, %s ===%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    java.time.LocalDate.now());
            System.out.printf("raw batched JDBC inserts into a copy of the event table: %,.0f rows/s (%,d rows of "
                    + "%d-byte payloads in %.1f s)%n", rawRate, rawRows, payloadBytes, rawSeconds);
            for (Shape shape : List.of(monthly, daily)) {
                shape.print(rawRate);
            }
            System.out.printf("daily close rate / monthly close rate: %.2f (goal: at least 1.00)%n",
                    daily.closeRate() / monthly.closeRate());
            System.out.printf("heap after the run and a GC: %d MB%n%n", heapAfterMb);

            for (Shape shape : List.of(daily, monthly)) {
                assertThat(shape.accepted).isEqualTo(shape.records);
                assertThat(shape.newlyClosed).isEqualTo(shape.lineMonths / 2);
            }
        }
    }

    private record Shape(String name, long records, long accepted, long lineMonths, double importSeconds,
                         long events, long eventStoreBytes, long recordBytes, long newlyClosed, double closeSeconds,
                         double readModelSeconds, double closeCpuSeconds, Map<String, Double> closeStepSeconds) {

        double closeRate() {
            return lineMonths / closeSeconds;
        }

        void print(double rawRate) {
            System.out.printf("%s shape: %,d records in %,d line-months, imported in %.1f s%n", name, records,
                    lineMonths, importSeconds);
            System.out.printf("    ledger events per line-month: %.2f (%,d events; goal at most 3)%n",
                    (double) events / lineMonths, events);
            System.out.printf("    event store per line-month (table and indexes): %,d bytes (goal at most 3 KB); raw "
                    + "usage records per line-month: %,d bytes%n", eventStoreBytes / lineMonths,
                    recordBytes / lineMonths);
            System.out.printf("    month close: %,d line-months (%,d subscriber-months) in %.1f s = %,.0f "
                    + "line-months/s = %.1f %% of raw inserts' rows/s (goal at least 10 000 line-months/s); read "
                    + "model closed %.1f s after the close started%n", lineMonths, newlyClosed, closeSeconds,
                    closeRate(), 100 * closeRate() / rawRate, readModelSeconds);
            System.out.printf("    CPU of this JVM from the close's start until the read model showed it: %.1f s = %.1f "
                    + "microseconds per line-month (other processes on a shared machine do not count)%n",
                    closeCpuSeconds, 1e6 * closeCpuSeconds / lineMonths);
            System.out.printf("    close pages' steps, summed over the pages (two pages run side by side): read %.1f s, "
                    + "keys %.1f s, statements %.1f s%n", closeStepSeconds.get("read"), closeStepSeconds.get("keys"),
                    closeStepSeconds.get("statements"));
        }
    }

    private static Shape run(ConfigurableApplicationContext app, JdbcTemplate jdbc, String name, List<Path> files,
                             List<YearMonth> months) throws Exception {
        long eventsBefore = count(jdbc, "domain_event_entry");
        long eventBytesBefore = size(jdbc, "domain_event_entry");
        long recordBytesBefore = size(jdbc, "usage_record");
        long closedBefore = jdbc.queryForObject("SELECT count(*) FROM ledger_statement_line WHERE status = 'CLOSED'",
                Long.class);
        long records = 0;
        long accepted = 0;
        long started = System.nanoTime();
        for (Path file : files) {
            ImportStatus status = app.getBean(FileImports.class).importFile(file, progress -> { });
            assertThat(status.status()).isEqualTo("COMPLETED");
            records += status.rowsRead();
            accepted += status.accepted();
        }
        double importSeconds = seconds(started);
        long lineMonths = jdbc.queryForObject("SELECT count(*) FROM usage_line_month WHERE month = ANY(?::varchar[])",
                Long.class, (Object) months.stream().map(YearMonth::toString).toArray(String[]::new));
        MonthClosing closing = app.getBean(MonthClosing.class);
        Map<String, Double> stepsBefore = closeSteps(app);
        long cpuStarted = processCpuNanos();
        long closeStarted = System.nanoTime();
        long newlyClosed = 0;
        for (YearMonth month : months) {
            MonthCloseReport report = closing.close(month, "benchmark");
            newlyClosed += report.newlyClosed();
        }
        double closeSeconds = seconds(closeStarted);
        double readModelSeconds = waitUntil(jdbc,
                "SELECT count(*) FROM ledger_statement_line WHERE status = 'CLOSED'", closedBefore + lineMonths,
                closeStarted);
        double closeCpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
        Map<String, Double> steps = closeSteps(app);
        steps.replaceAll((step, seconds) -> seconds - stepsBefore.get(step));
        jdbc.execute("VACUUM ANALYZE domain_event_entry");
        return new Shape(name, records, accepted, lineMonths, importSeconds,
                count(jdbc, "domain_event_entry") - eventsBefore, size(jdbc, "domain_event_entry") - eventBytesBefore,
                size(jdbc, "usage_record") - recordBytesBefore, newlyClosed, closeSeconds, readModelSeconds,
                closeCpuSeconds, steps);
    }

    /** One file a day of one month, one record per line and day, with the contract's CSV columns. */
    private static List<Path> dailyFiles(Path work) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int day = 1; day <= DAYS; day++) {
            Path file = work.resolve("daily-" + day + ".csv");
            try (Writer out = Files.newBufferedWriter(file)) {
                out.write(UsageRecordSubmission.CSV_HEADER);
                out.write('\n');
                for (int s = 0; s < SUBSCRIBERS; s++) {
                    String subscriber = String.format("D%07d", s);
                    String date = DAILY_MONTH.atDay(day).toString();
                    out.write("R" + subscriber + "M-" + date + "," + subscriber + "," + subscriber + "-M,MOBILE,4G,"
                            + date + "," + (1_000_000L + 7919L * s % 300_000_000L) + ",1000,false,\n");
                    out.write("R" + subscriber + "F-" + date + "," + subscriber + "," + subscriber + "-F,FIXED,FTTH,"
                            + date + "," + (2_000_000_000L + s) + ",1000,false,\n");
                }
            }
            files.add(file);
        }
        return files;
    }

    /** One record per line and month, the 15th, in one file. */
    private static Path monthlyFile(Path work, String prefix, int subscribers, YearMonth first, int months)
            throws IOException {
        Path feed = work.resolve(prefix + "-monthly.csv");
        BenchmarkFeed.write(feed, first, months, subscribers, (out, month, s) -> {
            String subscriber = String.format(prefix + "%07d", s);
            out.write("R" + subscriber + "M-" + month + "," + subscriber + "," + subscriber + "-M,MOBILE,4G,"
                    + month.atDay(15) + "," + (1_000_000L + 7919L * s % 9_000_000_000L) + ",1000,false,\n");
            out.write("R" + subscriber + "F-" + month + "," + subscriber + "," + subscriber + "-F,FIXED,FTTH,"
                    + month.atDay(15) + "," + (50_000_000_000L + s) + ",1000,false,\n");
            return 2;
        });
        return feed;
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
                    insert.setString(6, "org.footprintledger.footprint.api.StatementIssuedEvent");
                    insert.setString(7, "1");
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

    /** Table, indexes and TOAST, partitions included (a partitioned table holds nothing itself). */
    private static long size(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT pg_total_relation_size(?::regclass) + COALESCE((SELECT "
                + "sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = ?::regclass), 0)",
                Long.class, table, table);
    }

    /** The month close's time so far in each step of its pages, from its timers, in seconds. */
    private static Map<String, Double> closeSteps(ConfigurableApplicationContext app) {
        Map<String, Double> seconds = new HashMap<>();
        for (Timer timer : app.getBean(MeterRegistry.class).find("ledger.month.close.page").timers()) {
            seconds.put(timer.getId().getTag("step"), timer.totalTime(TimeUnit.SECONDS));
        }
        return seconds;
    }

    /** CPU time of this JVM, all threads: the ledger's own work, whatever else runs on the machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

}
