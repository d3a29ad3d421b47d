package org.footprintledger.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.TreeMap;
import org.footprintledger.portal.FootprintLedgerApplication;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.LedgerFeed;
import org.footprintledger.usage.api.SyntheticFeedGenerator;
import org.footprintledger.usage.api.UsageRetention;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Does the usage store slow down as it fills? In one run, on one PostgreSQL held in a memory cgroup far smaller than
 * the store's indexes: a store preloaded set-based with a year of daily records of an operator's lines (≥ 50 million
 * by default), then the next day's file of the same operator through the product's file import, and the same file
 * into an empty store (same lines registered, no record). Prints both rates, their ratio, the memory limit, the
 * store's bytes per record, and the cost of probing the other months' partitions for a day's record ids. Not part of
 * the build: docs/performance.md has the command and what it needs (root, a cgroup memory controller).
 */
@Tag("benchmark")
class UsageStoreGrowthBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 75_000);
    private static final int DAYS = Integer.getInteger("benchmark.days", 364);
    private static final long MEMORY_LIMIT_MB = Long.getLong("benchmark.memoryLimitMb", 1536);
    private static final String SHARED_BUFFERS = System.getProperty("benchmark.sharedBuffers", "128MB");
    private static final Path BINARIES = Path.of(System.getProperty("benchmark.pgBin", "/usr/lib/postgresql/15/bin"));

    @Test
    void a_day_imports_into_a_grown_store_nearly_as_fast_as_into_an_empty_one() throws Exception {
        Path work = Path.of(System.getProperty("benchmark.dir", "target/growth-benchmark")).toAbsolutePath();
        Files.createDirectories(work);
        // a month's first day: its records are checked against the previous month's last week, the costliest day
        LocalDate fileDay = LocalDate.now(ZoneId.of("Europe/Paris")).withDayOfMonth(1);
        Path dayFile = work.resolve("day.csv");
        SyntheticFeedGenerator.Summary day = new SyntheticFeedGenerator(SUBSCRIBERS, 1, fileDay, 11).writeCsv(dayFile);
        String lines = linesOf(dayFile);

        try (MemoryLimitedPostgres postgres = MemoryLimitedPostgres.start(BINARIES, work.resolve("pgdata"),
                MEMORY_LIMIT_MB << 20, SHARED_BUFFERS)) {
            postgres.createDatabase("grown");
            postgres.createDatabase("empty");
            postgres.createDatabase("warmup");
            migrate(postgres.jdbcUrl("grown"));
            migrate(postgres.jdbcUrl("empty"));
            migrate(postgres.jdbcUrl("warmup"));

            Preload preload;
            try (Connection grown = connect(postgres.jdbcUrl("grown"));
                 Connection empty = connect(postgres.jdbcUrl("empty"));
                 Connection warmup = connect(postgres.jdbcUrl("warmup"))) {
                registerLines(grown, lines);
                registerLines(empty, lines);
                registerLines(warmup, lines);
                preload = preload(grown, fileDay.minusDays(DAYS), fileDay.minusDays(1));
            }
            double[] probeSeconds = probeOtherMonths(postgres.jdbcUrl("grown"), fileDay);

            // both measured imports run on a warmed-up JVM: the same file into a third, empty database first
            importInto(postgres.jdbcUrl("warmup"), dayFile);
            Run grownRun = importInto(postgres.jdbcUrl("grown"), dayFile);
            Run emptyRun = importInto(postgres.jdbcUrl("empty"), dayFile);
            Size size = sizeOf(postgres.jdbcUrl("grown"));
            Retention retention = dropOldestMonth(postgres.jdbcUrl("grown"), YearMonth.from(fileDay.minusDays(DAYS)));

            double ratio = grownRun.rate() / emptyRun.rate();
            System.out.printf("%n=== Usage store growth benchmark: %d cores, %s ===%n",
                    Runtime.getRuntime().availableProcessors(), LocalDate.now());
            System.out.printf("PostgreSQL %s in %s: memory limit %,d MB (shared_buffers %s, page cache included), "
                            + "peak use of the group %,d MB%n", BINARIES, postgres.cgroupDescription(),
                    postgres.memoryLimitBytes() >> 20, SHARED_BUFFERS, postgres.memoryPeakBytes() >> 20);
            System.out.printf("preload: %,d records (%,d lines × %d days, %s to %s, %d monthly partitions) in %.0f s "
                            + "(%,.0f rows/s, INSERT … SELECT generate_series)%n", preload.rows(), preload.lines(),
                    DAYS, fileDay.minusDays(DAYS), fileDay.minusDays(1), preload.months(), preload.seconds(),
                    preload.rows() / preload.seconds());
            System.out.printf("grown store: %,d MB (heap %,d MB, indexes %,d MB = %.1f × the memory limit), "
                            + "%.0f bytes per record%n", size.total() >> 20, size.heap() >> 20, size.indexes() >> 20,
                    (double) size.indexes() / postgres.memoryLimitBytes(), (double) size.total() / size.rows());
            System.out.printf("day file of %s: %,d rows (%,d lines; %,d duplicates, %,d re-rated, %,d invalid)%n",
                    fileDay, day.rows(), day.lines(), day.duplicates(), day.rerated(), day.invalid());
            System.out.printf("file import into the empty store  %,10.0f rows/s (%.2f s)%n", emptyRun.rate(),
                    emptyRun.seconds());
            System.out.printf("file import into the grown store  %,10.0f rows/s (%.2f s) = %.1f %% of the empty "
                    + "store's rate (goal ≥ 70 %%)%n", grownRun.rate(), grownRun.seconds(), 100 * ratio);
            System.out.printf("retention job (UsageRetention.purgeExpired, period set so the oldest month expires): "
                            + "%s, %,d records, dropped in %.0f ms%n", retention.months(), retention.records(),
                    retention.seconds() * 1000);
            System.out.printf("the cross-month check alone, a day's %,d new ids probed with the cache as the preload "
                            + "left it: in the previous month's last week (the product's scope) %.2f s; in the whole "
                            + "previous month %.2f s; in every other month (a scope as long as the retention) "
                            + "%.2f s%n%n", preload.lines(), probeSeconds[0], probeSeconds[1], probeSeconds[2]);

            assertThat(grownRun.status().status()).isEqualTo("COMPLETED");
            assertThat(grownRun.status().accepted()).isEqualTo(emptyRun.status().accepted())
                    .isEqualTo(day.rows() - day.duplicates() - day.invalid());
        }
    }

    private record Retention(java.util.List<YearMonth> months, long records, double seconds) {
    }

    /** The product's retention job, its period set so that exactly the oldest preloaded month is past it. */
    private static Retention dropOldestMonth(String jdbcUrl, YearMonth oldest) throws Exception {
        long records;
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT count(*) FROM usage_record WHERE usage_month = DATE '"
                     + oldest.atDay(1) + "'")) {
            rs.next();
            records = rs.getLong(1);
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        long months = java.time.temporal.ChronoUnit.MONTHS.between(oldest.plusMonths(1), YearMonth.from(today));
        String[] arguments = java.util.Arrays.copyOf(appArguments(jdbcUrl), appArguments(jdbcUrl).length + 1);
        arguments[arguments.length - 1] = "--footprint.retention.usage-records=P" + months + "M";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FootprintLedgerApplication.class)
                .run(arguments)) {
            long started = System.nanoTime();
            UsageRetention.Outcome outcome = app.getBean(UsageRetention.class).purgeExpired();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(outcome.monthsDropped()).containsExactly(oldest);
            return new Retention(outcome.monthsDropped(), records, seconds);
        }
    }

    private record Preload(long rows, long lines, int months, double seconds) {
    }

    private record Run(ImportStatus status, double seconds) {
        double rate() {
            return status.rowsRead() / seconds;
        }
    }

    private record Size(long rows, long heap, long indexes) {
        long total() {
            return heap + indexes;
        }
    }

    private static String[] appArguments(String jdbcUrl) {
        return new String[] {"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--server.port=0", "--footprint.demo-data.enabled=false", "--footprint.security.mode=demo",
                "--footprint.month-close.scheduled=false",
                "--footprint.retention.cron=-", "--footprint.integrity.cron=-", "--spring.main.banner-mode=off"};
    }

    /** The schema of the current release, by Flyway at the application's start. */
    private static void migrate(String jdbcUrl) {
        new SpringApplicationBuilder(FootprintLedgerApplication.class).run(appArguments(jdbcUrl)).close();
    }

    private static Run importInto(String jdbcUrl, Path file) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FootprintLedgerApplication.class)
                .run(appArguments(jdbcUrl))) {
            long started = System.nanoTime();
            ImportStatus status = app.getBean(FileImports.class).importFile(file, progress -> { });
            double seconds = (System.nanoTime() - started) / 1e9;
            LedgerFeed ledger = app.getBean(LedgerFeed.class);
            ledger.feedAll();
            while (ledger.hasBacklog()) {
                sleep();
            }
            return new Run(status, seconds);
        }
    }

    /** The lines of the day's file (id, subscriber, type, technology), each once, in id order: CSV for COPY. */
    private static String linesOf(Path dayFile) throws IOException {
        TreeMap<String, String> lines = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(dayFile)) {
            in.readLine();
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                String[] f = row.split(",", -1);
                if (f.length == 10 && !row.contains("\"") && (f[4].equals("4G") || f[4].equals("5G")
                        || f[4].equals("3G") || f[4].equals("FTTH") || f[4].equals("XDSL") || f[4].equals("CABLE"))) {
                    lines.putIfAbsent(f[2], f[2] + "," + f[1] + "," + f[3] + "," + f[4]);
                }
            }
        }
        return String.join("\n", lines.values()) + "\n";
    }

    private static void registerLines(Connection connection, String lines) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE benchmark_line (n serial, line_id varchar(64) COLLATE \"C\", "
                    + "subscriber_id varchar(64), line_type varchar(8), technology varchar(8))");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY benchmark_line (line_id, subscriber_id, line_type, technology) FROM STDIN (FORMAT csv)",
                    new StringReader(lines));
            statement.execute("INSERT INTO usage_line (line_id, subscriber_id, line_type) "
                    + "SELECT line_id, subscriber_id, line_type FROM benchmark_line ORDER BY n");
        }
    }

    /**
     * One record per line and day, set-based, month by month into the partitions the product names, in key order
     * (the lines in id order, each with its days: the record ids sort the same way; the lateral reference keeps
     * the lines outside), with the generator's record ids, then ANALYZE.
     */
    private static Preload preload(Connection connection, LocalDate first, LocalDate last) throws Exception {
        long started = System.nanoTime();
        long rows = 0;
        int months = 0;
        long lines;
        try (Statement statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("SELECT count(*) FROM benchmark_line")) {
                rs.next();
                lines = rs.getLong(1);
            }
            for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last));
                 month = month.plusMonths(1)) {
                LocalDate from = month.atDay(1).isBefore(first) ? first : month.atDay(1);
                LocalDate to = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
                statement.execute(String.format("CREATE TABLE IF NOT EXISTS usage_record_p%04d_%02d PARTITION OF "
                                + "usage_record FOR VALUES FROM ('%s') TO ('%s')", month.getYear(),
                        month.getMonthValue(), month.atDay(1), month.plusMonths(1).atDay(1)));
                long monthStarted = System.nanoTime();
                int inserted = statement.executeUpdate("INSERT INTO usage_record (record_id, subscriber_id, line_id, "
                        + "line_type, technology, usage_date, bytes_down, bytes_up, estimated, batch_id, usage_month) "
                        + "SELECT 'R' || l.line_id || '-' || to_char(d, 'YYYYMMDD'), l.subscriber_id, l.line_id, "
                        + "l.line_type, l.technology, d::date, 1000000 + (l.n * 7919 + extract(doy FROM d)::int "
                        + "* 104729) % 900000000, 100000 + (l.n * 31 + extract(doy FROM d)::int * 7) % 90000000, "
                        + "false, '" + java.util.UUID.nameUUIDFromBytes(month.toString().getBytes()) + "', '"
                        + month.atDay(1) + "'::date FROM benchmark_line l, LATERAL generate_series('" + from
                        + "'::date + l.n * 0, '" + to + "'::date, interval '1 day') d");
                rows += inserted;
                months++;
                System.out.printf("preload %s: %,d rows in %.0f s%n", month, inserted,
                        (System.nanoTime() - monthStarted) / 1e9);
            }
            statement.execute("ANALYZE usage_record");
            statement.execute("CHECKPOINT");
        }
        return new Preload(rows, lines, months, (System.nanoTime() - started) / 1e9);
    }

    /**
     * What the cross-month check costs by itself: ids of the file's day stored nowhere, probed with the cache as the
     * preload left it, in three scopes: the product's (the previous month's last week, a record of a month's first
     * week being checked there), the whole previous month, and every other month (a scope as long as the retention).
     * Seconds, in that order; prints the plan of the first.
     */
    private static double[] probeOtherMonths(String jdbcUrl, LocalDate day) throws Exception {
        YearMonth month = YearMonth.from(day);
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE probe AS SELECT 'R' || line_id || '-' || to_char(DATE '" + day
                    + "', 'YYYYMMDD') || '-p' AS record_id FROM benchmark_line ORDER BY 1");
            statement.execute("ANALYZE probe");
            String previous = "DATE '" + month.minusMonths(1).atDay(1) + "'";
            String boundaryWeek = "r.usage_month IN (" + previous + ") AND r.usage_month = " + previous
                    + " AND r.usage_date >= (r.usage_month + interval '1 month')::date - 7";
            try (var plan = statement.executeQuery("EXPLAIN (COSTS OFF) " + probeQuery(boundaryWeek))) {
                System.out.println("plan of the product's cross-month probe:");
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
            return new double[] {probe(statement, boundaryWeek),
                    probe(statement, "r.usage_month = " + previous),
                    probe(statement, "r.usage_month <> DATE '" + month.atDay(1) + "'")};
        }
    }

    private static String probeQuery(String months) {
        return "SELECT count(*) FROM probe s WHERE (SELECT 1 FROM usage_record r WHERE r.record_id = s.record_id AND "
                + months + " LIMIT 1) IS NULL";
    }

    private static double probe(Statement statement, String months) throws Exception {
        long started = System.nanoTime();
        try (var rs = statement.executeQuery(probeQuery(months))) {
            rs.next();
            assertThat(rs.getLong(1)).as("no probed id is stored").isPositive();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static Size sizeOf(String jdbcUrl) throws Exception {
        try (Connection connection = connect(jdbcUrl); Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT (SELECT count(*) FROM usage_record), "
                     + "sum(pg_table_size(relid)), sum(pg_indexes_size(relid)) "
                     + "FROM pg_partition_tree('usage_record') WHERE isleaf")) {
            rs.next();
            return new Size(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private static Connection connect(String jdbcUrl) throws Exception {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
