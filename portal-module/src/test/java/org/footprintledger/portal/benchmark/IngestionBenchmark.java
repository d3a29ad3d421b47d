package org.footprintledger.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.footprintledger.portal.FootprintLedgerApplication;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.SyntheticFeedGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ingestion speed, each figure beside the raw baselines measured in the same run on the same PostgreSQL:
 * (a) raw COPY of the feed's rows into a bare table, and the floor: raw COPY into a copy of the record table (its
 * monthly partitions, key and indexes: a deduplicated store cannot load faster), beside a raw COPY into an
 * unpartitioned table with a primary key and two indexes (the floor's definition before the store was partitioned); (b) the product's file import end to end, until the read
 * model the statements are served from (the line-month totals) holds the sum of the accepted, non-superseded records;
 * (c) the JSON endpoint in batches of 1 000 over HTTP on loopback (kept-alive connections, {@link KeptAliveHttpConnection}). Both b and c are measured after a warm-up of both
 * paths on other lines, until the JIT compiler has settled ({@code -Dbenchmark.warmUpDays=0}: none). Prints rows per
 * second, b against the floor (goal at least 50 %), c against b (goal at least 80 %), each phase's CPU
 * ({@link PhaseCpu}), and the peak heap. Not part of the normal build: see
 * docs/performance.md.
 */
@Tag("benchmark")
class IngestionBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 20_000);
    private static final int DAYS = Integer.getInteger("benchmark.days", 30);
    /**
     * Rows of the JSON phase: enough for about half a minute, as a mediation system feeds the endpoint all day (with
     * 200 000 rows, a phase of 7 s, the JIT compiler was still compiling the request path for half of it).
     */
    private static final int JSON_ROWS = Integer.getInteger("benchmark.jsonRows", 1_000_000);
    /** Records per JSON request: 1 000 for the goal; the endpoint takes up to 10 000. */
    private static final int JSON_BATCH = Integer.getInteger("benchmark.jsonBatch", 1_000);
    /** Requests in flight at once, as a mediation system's senders keep them. */
    private static final int JSON_CLIENTS = Integer.getInteger("benchmark.jsonClients", 2);
    /**
     * Records per JSON batch of the warm-up. HotSpot compiles a method with its optimising compiler after thousands of
     * calls, so the code run once per request (Spring Security's chain, Spring MVC, the intake's statements) was
     * still being compiled during the measured phase after a warm-up of a hundred batches of 1 000: 4.4 to 7.3 of its
     * CPU-seconds were the JIT compiler's. Small batches give the warm-up thousands of requests; a server fed all day
     * compiles that code once.
     */
    private static final int WARM_UP_JSON_BATCH = Integer.getInteger("benchmark.warmUpJsonBatch", 10);
    /**
     * The warm-up sends its JSON batches in rounds of this many requests until one costs the JIT compiler less than
     * {@link #SETTLED_COMPILATION_MILLIS} (or its feed runs out): with one C2 compiler thread on two cores, methods
     * wait in its queue well after they are hot, so a fixed number of requests did not settle it (after 11 187 batches
     * of 10, it still compiled 1 108 methods, 4.4 CPU-seconds, during the measured JSON phase).
     */
    private static final int WARM_UP_ROUND = 1_000;
    private static final long SETTLED_COMPILATION_MILLIS = 200;
    /**
     * False only as a diagnostic: the embedded PostgreSQL with fsync and synchronous_commit off, to see how much of a
     * phase waits on its commits' WAL flushes. Not a setting to run the product with.
     */
    private static final boolean DURABLE = Boolean.parseBoolean(System.getProperty("benchmark.durable", "true"));
    /** Days of the warm-up feed (other lines, three months earlier), 0 for none. */
    private static final int WARM_UP_DAYS = Integer.getInteger("benchmark.warmUpDays", 12);

    @Test
    void ingestion_speed_beside_raw_copy() throws Exception {
        Path work = Files.createTempDirectory("ingestion-benchmark");
        LocalDate lastDay = LocalDate.now().minusDays(1);
        Path feed = work.resolve("feed.csv.gz");
        SyntheticFeedGenerator.Summary summary = generate(feed, lastDay);
        Path copyable = work.resolve("copyable.csv");
        long copyableRows = wellFormedRows(feed, copyable);
        Path uniqueIds = work.resolve("unique-ids.csv");
        long uniqueRows = firstRowOfEachId(copyable, uniqueIds);
        Path jsonFeed = work.resolve("json-feed.csv.gz");
        generate(jsonFeed, lastDay.minusDays(DAYS));

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0", "--footprint.embedded-db.directory=" + work.resolve("db"),
                "--footprint.demo-data.enabled=false", "--footprint.embedded-db.durable=" + DURABLE)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String warmUp = warmUp(app, port, work, lastDay.minusMonths(3));
            resetPeakHeap();

            double copySeconds = rawCopy(app.getBean(DataSource.class), copyable, BARE_TABLE);
            double copyRate = copyableRows / copySeconds;
            double indexedCopySeconds = rawCopy(app.getBean(DataSource.class), uniqueIds, INDEXED_TABLE);
            double indexedCopyRate = uniqueRows / indexedCopySeconds;
            Path storeShaped = work.resolve("store-shaped.csv");
            List<LocalDate> months = new ArrayList<>();
            long storeShapedRows = withTheStoreColumns(uniqueIds, storeShaped, months);
            double storeCopySeconds = rawCopy(app.getBean(DataSource.class), storeShaped, storeShapedTable(months));
            double floorRate = storeShapedRows / storeCopySeconds;

            PhaseCpu beforeFile = PhaseCpu.now();
            long started = System.nanoTime();
            ImportStatus status = app.getBean(FileImports.class).importFile(feed, progress -> { });
            double intakeSeconds = (System.nanoTime() - started) / 1e9;
            waitUntilTheReadModelHoldsTheTotals(jdbc);
            double importSeconds = (System.nanoTime() - started) / 1e9;
            double importRate = status.rowsRead() / importSeconds;
            long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            PhaseCpu afterFile = PhaseCpu.now();

            List<String> bodies = jsonBodies(jsonFeed, JSON_ROWS, JSON_BATCH);
            PhaseCpu beforeJson = PhaseCpu.now();
            long jsonStarted = System.nanoTime();
            postAll(port, bodies);
            waitUntilTheReadModelHoldsTheTotals(jdbc);
            double jsonSeconds = (System.nanoTime() - jsonStarted) / 1e9;
            double jsonRate = Math.min(JSON_ROWS, rowsIn(bodies)) / jsonSeconds;
            String jsonCpu = PhaseCpu.now().since(beforeJson);

            System.out.printf("%n=== Ingestion benchmark: %d cores, max heap %d MB ===%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("feed: %,d rows (%,d lines, %d days; %,d duplicates, %,d re-rated, %,d invalid)%n",
                    summary.rows(), summary.lines(), DAYS, summary.duplicates(), summary.rerated(),
                    summary.invalid());
            System.out.println(warmUp);
            System.out.printf("(a) raw COPY into a bare table      %,12.0f rows/s  (%,d rows in %.2f s)%n",
                    copyRate, copyableRows, copySeconds);
            System.out.printf("    raw COPY into an unpartitioned table with a primary key and two indexes "
                    + "%,.0f rows/s (%,d distinct ids in %.2f s) = %.1f %% of (a)%n",
                    indexedCopyRate, uniqueRows, indexedCopySeconds, 100 * indexedCopyRate / copyRate);
            System.out.printf("    floor: raw COPY into a copy of the record table (LIKE usage_record INCLUDING ALL: "
                    + "its monthly partitions, key and four indexes; no dedupe, no totals) %,.0f rows/s (%,d rows in %.2f s) = "
                    + "%.1f %% of (a)%n", floorRate, storeShapedRows, storeCopySeconds, 100 * floorRate / copyRate);
            System.out.printf("(b) file import, read model holds the totals %,12.0f rows/s  (%.1f s; the import "
                    + "itself %.1f s; %,d ledger events: open months reach the ledger at their close) = %.1f %% of "
                    + "the floor (goal at least 50 %%), %.1f %% of the unpartitioned table's COPY%n", importRate,
                    importSeconds, intakeSeconds, events, 100 * importRate / floorRate,
                    100 * importRate / indexedCopyRate);
            System.out.println("    " + afterFile.since(beforeFile));
            System.out.printf("(c) JSON endpoint, batches of %,d (%d clients), read model holds the totals %,12.0f "
                    + "rows/s  (%,d rows in %.1f s) = %.1f %% of (b) (goal at least 80 %%, batches of 1 000)%n",
                    JSON_BATCH, JSON_CLIENTS, jsonRate,
                    Math.min(JSON_ROWS, rowsIn(bodies)), jsonSeconds, 100 * jsonRate / importRate);
            System.out.println("    " + jsonCpu);
            System.out.printf("peak heap: %d MB%n%n", peakHeapBytes() >> 20);

            assertThat(status.status()).isEqualTo("COMPLETED");
            assertThat(status.accepted()).isEqualTo(summary.rows() - summary.duplicates() - summary.invalid());
        }
    }

    private static SyntheticFeedGenerator.Summary generate(Path file, LocalDate lastDay) throws IOException {
        return new SyntheticFeedGenerator(SUBSCRIBERS, DAYS, lastDay, 7).writeCsv(file);
    }

    /**
     * Runs both measured paths once, unmeasured, so that they are measured on a JVM whose compiler has already
     * compiled them (as on a server that has been running; on two cores the compiler threads otherwise take a good
     * part of the machine during the measured runs): a file import of a few days and as many JSON batches, on other
     * lines (every id prefixed with W) three months before the measured months, so that nothing measured meets them.
     */
    private static String warmUp(ConfigurableApplicationContext app, int port, Path work, LocalDate lastDay)
            throws Exception {
        if (WARM_UP_DAYS == 0) {
            return "warm-up: none";
        }
        Path generated = work.resolve("warm-up-generated.csv.gz");
        new SyntheticFeedGenerator(SUBSCRIBERS, WARM_UP_DAYS, lastDay, 11).writeCsv(generated);
        Path file = work.resolve("warm-up.csv");
        long rows = 0;
        try (BufferedReader in = gunzip(generated); Writer out = Files.newBufferedWriter(file)) {
            out.write(in.readLine());
            out.write('\n');
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(onOtherLines(line));
                out.write('\n');
                rows++;
            }
        }
        long half = rows / 2;
        Path firstHalf = work.resolve("warm-up-file.csv");
        Path secondHalf = work.resolve("warm-up-json.csv.gz");
        try (BufferedReader in = Files.newBufferedReader(file); Writer toFile = Files.newBufferedWriter(firstHalf);
             Writer toJson = new java.io.OutputStreamWriter(new java.util.zip.GZIPOutputStream(
                     Files.newOutputStream(secondHalf)), StandardCharsets.UTF_8)) {
            String header = in.readLine();
            toFile.write(header + "\n");
            toJson.write(header + "\n");
            long n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                (n++ < half ? toFile : toJson).write(line + "\n");
            }
        }
        ImportStatus status = app.getBean(FileImports.class).importFile(firstHalf, progress -> { });
        assertThat(status.status()).isEqualTo("COMPLETED");
        List<String> bodies = jsonBodies(secondHalf, Integer.MAX_VALUE, WARM_UP_JSON_BATCH);
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        int sent = 0;
        long compiling;
        do {
            long before = compiler.getTotalCompilationTime();
            List<String> round = bodies.subList(sent, Math.min(bodies.size(), sent + WARM_UP_ROUND));
            postAll(port, round);
            sent += round.size();
            compiling = compiler.getTotalCompilationTime() - before;
        } while (compiling > SETTLED_COMPILATION_MILLIS && sent < bodies.size());
        return String.format("warm-up (not measured): a file import of %,d rows and %,d JSON batches of %d, on other "
                + "lines, %d days up to %s; the JIT compiler %s (%,d ms compiling during the last %,d requests)",
                status.rowsRead(), sent, WARM_UP_JSON_BATCH, WARM_UP_DAYS, lastDay,
                compiling > SETTLED_COMPILATION_MILLIS ? "had NOT settled" : "had settled", compiling,
                WARM_UP_ROUND);
    }

    /** The row with its record, subscriber and line ids (and the id it replaces) prefixed with W. */
    private static String onOtherLines(String row) {
        String[] f = row.split(",", -1);
        if (f.length != 10) {
            return row;
        }
        for (int i : new int[] {0, 1, 2, 9}) {
            f[i] = f[i].isEmpty() ? f[i] : "W" + f[i];
        }
        return String.join(",", f);
    }

    /** The baseline gets every row a bare COPY can load: the same file less its malformed rows. */
    private static long wellFormedRows(Path feed, Path out) throws IOException {
        long rows = 0;
        try (BufferedReader in = gunzip(feed); Writer writer = Files.newBufferedWriter(out)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.contains("\"") && line.split(",", -1).length == 10) {
                    writer.write(line);
                    writer.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    /** The same rows with each record id once: a table with the record table's primary key accepts them by COPY. */
    private static long firstRowOfEachId(Path rows, Path out) throws IOException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        long kept = 0;
        try (BufferedReader in = Files.newBufferedReader(rows); Writer writer = Files.newBufferedWriter(out)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (seen.add(line.substring(0, line.indexOf(',')))) {
                    writer.write(line);
                    writer.write('\n');
                    kept++;
                }
            }
        }
        return kept;
    }

    /** The same rows with the record table's own columns: the batch id and the partition key (the usage month). */
    private static long withTheStoreColumns(Path rows, Path out, List<LocalDate> monthsFound) throws IOException {
        java.util.SortedSet<LocalDate> months = new java.util.TreeSet<>();
        long written = 0;
        try (BufferedReader in = Files.newBufferedReader(rows); Writer writer = Files.newBufferedWriter(out)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split(",", -1);
                if (!withinTheRecordTableChecks(fields)) {
                    continue;
                }
                LocalDate month = LocalDate.parse(fields[5]).withDayOfMonth(1);
                months.add(month);
                writer.write(line);
                writer.write(",benchmark,");
                writer.write(month.toString());
                writer.write('\n');
                written++;
            }
        }
        monthsFound.addAll(months);
        return written;
    }

    /** What the record table's column checks take: a date, and volumes of 0 to 10^13 bytes. */
    private static boolean withinTheRecordTableChecks(String[] fields) {
        try {
            LocalDate.parse(fields[5]);
            long down = Long.parseLong(fields[6]);
            long up = Long.parseLong(fields[7]);
            return down >= 0 && up >= 0 && down <= 10_000_000_000_000L && up <= 10_000_000_000_000L;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A copy of the record table: its columns, constraints, key and indexes, partitioned by month like it. */
    private static String storeShapedTable(List<LocalDate> months) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE benchmark_raw_copy (LIKE usage_record INCLUDING ALL) "
                + "PARTITION BY RANGE (usage_month)");
        for (LocalDate month : months) {
            ddl.append("; CREATE TABLE benchmark_raw_copy_").append(month.toString().replace("-", "_"))
                    .append(" PARTITION OF benchmark_raw_copy FOR VALUES FROM ('").append(month).append("') TO ('")
                    .append(month.plusMonths(1)).append("')");
        }
        return ddl.toString();
    }

    private static final String BARE_TABLE = "CREATE TABLE benchmark_raw_copy (record_id varchar(64), "
            + "subscriber_id varchar(64), line_id varchar(64), line_type varchar(8), technology varchar(8), "
            + "usage_date date, bytes_down bigint, bytes_up bigint, estimated boolean, replaces varchar(64))";
    private static final String INDEXED_TABLE = "CREATE TABLE benchmark_raw_copy (record_id varchar(64) COLLATE \"C\" "
            + "PRIMARY KEY, subscriber_id varchar(64) COLLATE \"C\", line_id varchar(64) COLLATE \"C\", "
            + "line_type varchar(8), technology varchar(8), usage_date date, bytes_down bigint, bytes_up bigint, "
            + "estimated boolean, replaces varchar(64)); "
            + "CREATE INDEX ON benchmark_raw_copy (line_id, usage_date); "
            + "CREATE INDEX ON benchmark_raw_copy (replaces) WHERE replaces IS NOT NULL";

    private static final String COPIED_COLUMNS = "record_id, subscriber_id, line_id, line_type, technology, "
            + "usage_date, bytes_down, bytes_up, estimated, replaces";

    private static double rawCopy(DataSource dataSource, Path rows, String tableDefinition) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(tableDefinition);
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(rows)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY benchmark_raw_copy (" + COPIED_COLUMNS
                                + (tableDefinition.contains("LIKE usage_record") ? ", batch_id, usage_month" : "")
                                + ") FROM STDIN (FORMAT csv)", in);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            connection.createStatement().execute("DROP TABLE benchmark_raw_copy");
            return seconds;
        }
    }

    /** Until the line-month totals (what statements are served from) hold the sum of the records that count. */
    private static void waitUntilTheReadModelHoldsTheTotals(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + 30 * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long records = jdbc.queryForObject("SELECT coalesce(sum(bytes_down + bytes_up), 0) FROM usage_record "
                    + "WHERE superseded_by IS NULL", Long.class);
            Long readModel = jdbc.queryForObject("SELECT coalesce(sum(bytes), 0) FROM usage_line_month",
                    Long.class);
            if (records.equals(readModel)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the read model did not hold the totals in 30 minutes");
    }

    private static List<String> jsonBodies(Path feed, int maxRows, int batchSize) throws IOException {
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int inBody = 0;
        int total = 0;
        try (BufferedReader in = gunzip(feed)) {
            in.readLine();
            for (String line = in.readLine(); line != null && total < maxRows; line = in.readLine()) {
                String[] f = line.split(",", -1);
                if (f.length != 10 || line.contains("\"")) {
                    continue;
                }
                body.append(inBody == 0 ? "{\"records\":[" : ",").append("{\"recordId\":\"").append(f[0])
                        .append("\",\"subscriberId\":\"").append(f[1]).append("\",\"lineId\":\"").append(f[2])
                        .append("\",\"lineType\":\"").append(f[3]).append("\",\"technology\":\"").append(f[4])
                        .append("\",\"usageDate\":\"").append(f[5]).append("\",\"bytesDown\":").append(f[6])
                        .append(",\"bytesUp\":").append(f[7]).append(",\"estimated\":").append(f[8])
                        .append(f[9].isEmpty() ? "" : ",\"replaces\":\"" + f[9] + "\"").append('}');
                inBody++;
                total++;
                if (inBody == batchSize) {
                    bodies.add(body.append("]}").toString());
                    body.setLength(0);
                    inBody = 0;
                }
            }
        }
        if (inBody > 0) {
            bodies.add(body.append("]}").toString());
        }
        return bodies;
    }

    private static int rowsIn(List<String> bodies) {
        return bodies.stream().mapToInt(b -> b.split("\"recordId\"", -1).length - 1).sum();
    }

    /** The bodies sent by the clients side by side over kept-alive connections, each body once; seconds taken. */
    private static double postAll(int port, List<String> bodies) throws Exception {
        String auth = "Authorization: Basic "
                + Base64.getEncoder().encodeToString("feed:feed".getBytes(StandardCharsets.UTF_8));
        List<byte[]> encoded = bodies.stream().map(body -> body.getBytes(StandardCharsets.UTF_8)).toList();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(JSON_CLIENTS);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < JSON_CLIENTS; c++) {
            done.add(clients.submit(() -> {
                try (KeptAliveHttpConnection http = new KeptAliveHttpConnection(port)) {
                    for (int i = next.getAndIncrement(); i < encoded.size(); i = next.getAndIncrement()) {
                        KeptAliveHttpConnection.Answer answer = http.postJson("/api/v1/usage/records",
                                encoded.get(i), auth);
                        if (answer.status() != 200) {
                            throw new IllegalStateException(answer.status() + " " + answer.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        clients.shutdown();
        return (System.nanoTime() - started) / 1e9;
    }

    private static BufferedReader gunzip(Path file) throws IOException {
        return new BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
