package org.footprintledger.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footprintledger.portal.ApplicationProcess;
import org.footprintledger.usage.api.SyntheticFeedGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * A month's file of an operator's size through a small heap: a synthetic feed of about 10 million rows (the
 * {@link SyntheticFeedGenerator}'s mix of duplicates, re-rated and invalid rows), gzip-compressed, posted to
 * {@code POST /api/v1/usage/imports} of the application started as its own process with {@code -Xmx512m} on an
 * embedded PostgreSQL; then, as the baseline of the same run, the same file into a fresh database by the application
 * with a heap of 4 GB. Prints each import's rate and what its GC log says of the heap (how full it got, the live set
 * full collections left, the pauses), and checks that every valid row was stored once. Not part of the normal build:
 * see docs/performance.md.
 */
@Tag("benchmark")
class LargeFileImportBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 180_000);
    private static final int DAYS = 30;
    private static final String HEAP = System.getProperty("benchmark.heap", "512m");
    /** The baseline: the same file, the same application, a heap it never runs short of. */
    private static final String BASELINE_HEAP = System.getProperty("benchmark.baselineHeap", "4g");
    /** A GC log's pause, e.g. {@code Pause Full (G1 Compaction Pause) 510M->222M(512M) 412.318ms}. */
    private static final Pattern PAUSE = Pattern.compile("Pause (\\S+).*? (\\d+)M->(\\d+)M\\(\\d+M\\) ([\\d.]+)ms");

    @Test
    void a_file_of_ten_million_rows_imports_in_a_heap_of_512_mb() throws Exception {
        Path work = Files.createTempDirectory("large-import");
        Path feed = work.resolve("month.csv.gz");
        long generating = System.nanoTime();
        SyntheticFeedGenerator.Summary summary = new SyntheticFeedGenerator(SUBSCRIBERS, DAYS,
                LocalDate.of(2026, 6, 30), 11).writeCsv(feed);
        double generatedIn = seconds(generating);

        Imported small = importOnce(feed, HEAP, work.resolve("small"));
        Imported baseline = importOnce(feed, BASELINE_HEAP, work.resolve("baseline"));

        System.out.printf("%n=== Large file import: %d cores, %s ===%n", Runtime.getRuntime().availableProcessors(),
                LocalDate.now());
        System.out.printf("feed: %,d rows (%,d lines, %d days; %,d duplicates, %,d re-rated, %,d invalid), %,d MB "
                + "gzip-compressed, written in %.1f s%n", summary.rows(), summary.lines(), DAYS, summary.duplicates(),
                summary.rerated(), summary.invalid(), Files.size(feed) >> 20, generatedIn);
        small.print();
        baseline.print();
        System.out.printf("rate with -Xmx%s / rate with -Xmx%s: %.1f %%%n%n", HEAP, BASELINE_HEAP,
                100 * small.rate() / baseline.rate());

        for (Imported run : List.of(small, baseline)) {
            assertThat(run.status().get("status").asString()).isEqualTo("COMPLETED");
            assertThat(run.status().get("rowsRead").asLong()).isEqualTo(summary.rows());
            assertThat(run.status().get("rejected").asLong()).isEqualTo(summary.invalid());
            assertThat(run.stored()).isEqualTo(summary.rows() - summary.duplicates() - summary.invalid());
        }
    }

    /** One import of the file into a fresh database, by the application started with this heap. */
    private static Imported importOnce(Path feed, String heap, Path work) throws Exception {
        Files.createDirectories(work);
        Path gcLog = work.resolve("gc.log");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            ApplicationProcess application = ApplicationProcess.start(postgres.getJdbcUrl("postgres", "postgres"),
                    List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog),
                    List.of("--footprint.month-close.scheduled=false",
                            "--footprint.import.spool-directory=" + work.resolve("spool")),
                    work.resolve("application.log"));
            try {
                long started = System.nanoTime();
                String importId = application.postImport(feed, "application/gzip");
                JsonNode done = await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> application.importStatus(importId),
                                s -> !"RUNNING".equals(s.get("status").asString()));
                double seconds = seconds(started);
                assertThat(application.process().isAlive()).as("not stopped by the heap limit").isTrue();
                JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(
                        postgres.getJdbcUrl("postgres", "postgres"), true));
                return new Imported(heap, done, seconds, db.queryForObject("SELECT count(*) FROM usage_record",
                        Long.class), HeapUse.of(gcLog));
            } finally {
                application.process().destroy();
                application.process().waitFor();
            }
        }
    }

    private record Imported(String heap, JsonNode status, double seconds, long stored, HeapUse heapUse) {

        double rate() {
            return status.get("rowsRead").asLong() / seconds;
        }

        void print() {
            System.out.printf("-Xmx%s: %s, %,d rows read in %.1f s = %,.0f rows/s (upload included), %,d records "
                    + "stored%n    %s%n", heap, status.get("status").asString(), status.get("rowsRead").asLong(),
                    seconds, rate(), stored, heapUse);
        }
    }

    /** What the GC log says of the heap: how full it got, and what full collections left (the live set). */
    private record HeapUse(long mostBeforeACollectionMb, int fullCollections, long mostAfterAFullCollectionMb,
                           double pausesSeconds) {

        static HeapUse of(Path gcLog) throws IOException {
            long mostBefore = 0;
            int full = 0;
            long mostAfterFull = 0;
            double pauses = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher matcher = PAUSE.matcher(line);
                if (matcher.find()) {
                    mostBefore = Math.max(mostBefore, Long.parseLong(matcher.group(2)));
                    pauses += Double.parseDouble(matcher.group(4)) / 1000;
                    if (matcher.group(1).startsWith("Full")) {
                        full++;
                        mostAfterFull = Math.max(mostAfterFull, Long.parseLong(matcher.group(3)));
                    }
                }
            }
            return new HeapUse(mostBefore, full, mostAfterFull, pauses);
        }

        @Override
        public String toString() {
            return String.format("heap, from the GC log: at most %,d MB before a collection (how full the collector "
                    + "let it get); %d full collection(s), leaving at most %,d MB in use (the live set); %.1f s of "
                    + "pauses in all", mostBeforeACollectionMb, fullCollections, mostAfterAFullCollectionMb,
                    pausesSeconds);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
