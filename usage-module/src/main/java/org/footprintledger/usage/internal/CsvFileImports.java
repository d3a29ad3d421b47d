package org.footprintledger.usage.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportProgress;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.RecordRejection;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Imports CSV files of the feed: streamed line by line (never held whole), in batches through the same intake as the
 * JSON endpoint, each batch committed on its own so progress is visible and a crash loses nothing stored.
 */
@Service
class CsvFileImports implements FileImports, DisposableBean {

    private static final String HEADER = UsageRecordSubmission.CSV_HEADER;
    private static final int COLUMNS = UsageRecordSubmission.CSV_COLUMNS.size();
    private static final Logger log = LoggerFactory.getLogger(CsvFileImports.class);

    private final UsageIntake intake;
    private final IntakeMetrics intakeMetrics;
    private final IntakeActivity activity;
    private final int batchSize;
    private final int writers;
    private final ImportRegistry registry;
    private final Timer importDuration;
    private final java.util.concurrent.atomic.AtomicLong lastRowsPerSecond = new java.util.concurrent.atomic.AtomicLong();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "usage-import");
        thread.setDaemon(true);
        return thread;
    });

    CsvFileImports(UsageIntake intake, ImportRegistry registry, MeterRegistry metrics, IntakeMetrics intakeMetrics,
                   IntakeActivity activity, @Value("${footprint.import.batch-size:50000}") int batchSize,
                   @Value("${footprint.import.writers:2}") int writers) {
        this.writers = Math.max(1, writers);
        if (batchSize < 1 || batchSize > UsageIntake.MAX_INTERNAL_BATCH_SIZE) {
            throw new IllegalArgumentException("footprint.import.batch-size must be 1.."
                    + UsageIntake.MAX_INTERNAL_BATCH_SIZE);
        }
        this.batchSize = batchSize;
        this.intake = intake;
        this.activity = activity;
        this.intakeMetrics = intakeMetrics;
        this.registry = registry;
        metrics.gauge("usage.import.last.rows.per.second", lastRowsPerSecond);
        this.importDuration = Timer.builder("usage.import.duration").description("Duration of file imports")
                .register(metrics);
    }

    @EventListener(ApplicationReadyEvent.class)
    void failImportsInterruptedByAStop() {
        int interrupted = registry.failInterrupted();
        if (interrupted > 0) {
            log.warn("{} file imports were interrupted by a stop and are marked FAILED", interrupted);
        }
    }

    @Override
    public String start(InputStream body) throws IOException {
        String importId = UUID.randomUUID().toString();
        Path spool = Files.createTempFile("usage-import-" + importId, ".feed");
        Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
        registry.open(importId);
        log.info("import {}: received {} bytes, importing in the background", importId, Files.size(spool));
        workers.submit(() -> {
            try {
                run(importId, spool, p -> { });
            } finally {
                deleteQuietly(spool);
            }
        });
        return importId;
    }

    @Override
    public ImportStatus importFile(Path file, Consumer<ImportProgress> progress) {
        String importId = UUID.randomUUID().toString();
        registry.open(importId);
        log.info("import {}: importing {}", importId, file);
        run(importId, file, progress);
        return registry.status(importId).orElseThrow();
    }

    @Override
    public Optional<ImportStatus> status(String importId) {
        return registry.status(importId);
    }

    @Override
    public List<ImportStatus> recent(int limit) {
        return registry.recent(limit);
    }

    @Override
    public void writeRejections(String importId, Writer out) throws IOException {
        registry.writeRejections(importId, out);
    }

    private void run(String importId, Path file, Consumer<ImportProgress> progress) {
        activity.importStarted();
        try {
            readAndStore(importId, file, progress);
        } finally {
            activity.importFinished();
        }
    }

    private void readAndStore(String importId, Path file, Consumer<ImportProgress> progress) {
        long started = System.nanoTime();
        long lineNumber = 0;
        long rowsRead = 0;
        try (CountingInputStream raw = new CountingInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16));
             InputStream in = isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String header = reader.readLine();
            lineNumber = 1;
            if (header == null) {
                fail(importId, "the file is empty: expected the header " + HEADER);
                return;
            }
            if (!HEADER.equals(stripBom(header).strip())) {
                fail(importId, "line 1 is not the header: expected " + HEADER);
                return;
            }
            long totalBytes = Files.size(file);
            try (ParallelBatchWriter<Batch> writer = new ParallelBatchWriter<>(writers, b -> store(importId, b))) {
                Batch plain = new Batch();
                Batch replacing = new Batch();
                try {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lineNumber++;
                        FileRow row = FileRow.parse(lineNumber, line);
                        Batch target = row.isReplacing() ? replacing : plain;
                        target.add(row);
                        if (target.isFull()) {
                            rowsRead += target.rowsRead;
                            if (target == plain) {
                                writer.submit(plain);
                                plain = new Batch();
                            } else {
                                writer.storeAfterAllBefore(replacing);
                                replacing = new Batch();
                            }
                            progress.accept(new ImportProgress(raw.count(), totalBytes, rowsRead));
                        }
                    }
                } catch (EOFException | ZipException damaged) {
                    // the complete rows read before the damage are kept
                    writer.submit(plain);
                    writer.storeAfterAllBefore(replacing);
                    throw damaged;
                }
                writer.submit(plain);
                writer.storeAfterAllBefore(replacing);
                rowsRead += plain.rowsRead + replacing.rowsRead;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            }
            progress.accept(new ImportProgress(totalBytes, totalBytes, rowsRead));
            registry.finish(importId, "COMPLETED", null);
            record(importId, started, "COMPLETED");
        } catch (EOFException | ZipException e) {
            fail(importId, "the gzip stream is truncated or corrupt after line " + lineNumber
                    + "; rows before it are stored");
            record(importId, started, "FAILED");
        } catch (IOException | RuntimeException e) {
            log.error("import {} failed at line {}", importId, lineNumber, e);
            fail(importId, "failed after line " + lineNumber + ": " + e.getMessage());
            record(importId, started, "FAILED");
        }
    }

    private void store(String importId, Batch batch) {
        IntakeReport report = batch.submissions.isEmpty()
                ? new IntakeReport(0, 0, List.of())
                : intake.submit(batch.submissions, "file");
        List<RecordRejection> rejections = new ArrayList<>(batch.malformed);
        for (RecordRejection rejection : report.rejected()) {
            rejections.add(new RecordRejection(batch.lineNumbers.get((int) rejection.index()), rejection.recordId(),
                    rejection.field(), rejection.reason()));
        }
        registry.addBatch(importId, batch.rowsRead, report.accepted(), report.duplicates(), rejections);
        batch.malformed.forEach(row -> intakeMetrics.recordMalformedRow());
    }

    private void fail(String importId, String reason) {
        log.warn("import {} FAILED: {}", importId, reason);
        registry.finish(importId, "FAILED", reason);
    }

    private void record(String importId, long startedNanos, String status) {
        long nanos = System.nanoTime() - startedNanos;
        importDuration.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        ImportStatus finalStatus = registry.status(importId).orElseThrow();
        double rowsPerSecond = finalStatus.rowsRead() / Math.max(1e-9, nanos / 1e9);
        lastRowsPerSecond.set(Math.round(rowsPerSecond));
        log.info("import {} {}: {} rows read, {} accepted, {} duplicates, {} rejected, {} rows/s", importId, status,
                finalStatus.rowsRead(), finalStatus.accepted(), finalStatus.duplicates(), finalStatus.rejected(),
                Math.round(rowsPerSecond));
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete spooled import file {}", file, e);
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** One line of the file, parsed once: a submission for the intake, or why it is not even a CSV row of the feed. */
    private record FileRow(long lineNumber, UsageRecordSubmission submission, RecordRejection malformed) {

        static FileRow parse(long lineNumber, String line) {
            List<String> fields;
            try {
                fields = CsvRowParser.parse(line);
            } catch (CsvRowParser.MalformedRowException e) {
                return new FileRow(lineNumber, null,
                        new RecordRejection(lineNumber, null, IntakeMetrics.MALFORMED_ROW, e.getMessage()));
            }
            if (fields.size() != COLUMNS) {
                return new FileRow(lineNumber, null, new RecordRejection(lineNumber, fields.get(0),
                        IntakeMetrics.MALFORMED_ROW,
                        "expected " + COLUMNS + " columns, got " + fields.size()));
            }
            return new FileRow(lineNumber, new UsageRecordSubmission(fields.get(0), fields.get(1), fields.get(2),
                    fields.get(3), fields.get(4), fields.get(5), fields.get(6), fields.get(7), fields.get(8),
                    fields.get(9)), null);
        }

        /** A re-rated record: stored only after every row before it (a malformed row goes anywhere). */
        boolean isReplacing() {
            return submission != null && !submission.replaces().isEmpty();
        }
    }

    /** Up to one intake batch of rows, with the file line number of each, and the rows malformed as CSV. */
    private final class Batch {
        private final List<UsageRecordSubmission> submissions = new ArrayList<>();
        private final List<Long> lineNumbers = new ArrayList<>();
        private final List<RecordRejection> malformed = new ArrayList<>();
        private long rowsRead;

        void add(FileRow row) {
            rowsRead++;
            if (row.malformed() != null) {
                malformed.add(row.malformed());
                return;
            }
            submissions.add(row.submission());
            lineNumbers.add(row.lineNumber());
        }

        boolean isFull() {
            return submissions.size() + malformed.size() >= batchSize;
        }
    }
}
