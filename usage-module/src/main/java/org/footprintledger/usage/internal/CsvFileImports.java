package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.RowText;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Imports CSV files of the feed: streamed line by line within {@link ImportLimits} (never a whole file or a whole
 * over-long line in memory), in batches through the same intake as the JSON endpoint, each batch committed on its
 * own so progress is visible and a crash loses nothing stored. A row is the unit of failure: any bytes in a row make
 * at worst that row a rejection. Whatever stops an import (a limit, a damaged gzip, any {@link Throwable} of its
 * threads) ends it FAILED with the reason, once every batch in flight is stored.
 */
@Service
class CsvFileImports implements FileImports, DisposableBean {

    private static final String HEADER = UsageRecordSubmission.CSV_HEADER;
    private static final Logger log = LoggerFactory.getLogger(CsvFileImports.class);

    private final UsageIntake intake;
    private final IntakeMetrics intakeMetrics;
    private final IntakeActivity activity;
    private final int batchSize;
    private final int writers;
    private final ImportRegistry registry;
    private final ImportSpool spool;
    private final ImportLimits limits;
    private final MeterRegistry metrics;
    private final Timer importDuration;
    private final AtomicLong lastRowsPerSecond = new AtomicLong();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "usage-import");
        thread.setDaemon(true);
        return thread;
    });

    CsvFileImports(UsageIntake intake, ImportRegistry registry, ImportSpool spool, ImportLimits limits,
                   MeterRegistry metrics, IntakeMetrics intakeMetrics, IntakeActivity activity,
                   @Value("${footprint.import.batch-size:50000}") int batchSize,
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
        this.spool = spool;
        this.limits = limits;
        this.metrics = metrics;
        metrics.gauge("usage.import.last.rows.per.second", lastRowsPerSecond);
        this.importDuration = Timer.builder("usage.import.duration").description("Duration of file imports")
                .register(metrics);
        for (Failure reason : Failure.values()) {
            failures(reason);
        }
    }

    /** Why an import ended FAILED: the tag of {@code usage_import_failures_total}. */
    enum Failure {
        EMPTY, HEADER, TRUNCATED, EXPANDED_SIZE, ROWS, READ_ERROR, INTERNAL;

        String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private Counter failures(Failure reason) {
        return Counter.builder("usage.import.failures").description("File imports ended FAILED, by reason")
                .tag("reason", reason.tag()).register(metrics);
    }

    @EventListener(ApplicationReadyEvent.class)
    void cleanUpAfterAStop() {
        int interrupted = registry.failInterrupted();
        if (interrupted > 0) {
            log.warn("{} file imports were interrupted by a stop and are marked FAILED", interrupted);
        }
        spool.deleteLeftovers();
    }

    @Override
    public String start(InputStream body) throws IOException {
        String importId = UUID.randomUUID().toString();
        Path file = spool.receive(body, importId);
        try {
            registry.open(importId);
            log.info("import {}: received {} bytes, importing in the background", importId, Files.size(file));
            workers.submit(() -> {
                try {
                    run(importId, file, p -> { });
                } finally {
                    spool.delete(file);
                }
            });
        } catch (IOException | RuntimeException | Error e) {
            spool.delete(file);
            throw e;
        }
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
        long started = System.nanoTime();
        activity.importStarted();
        Reading reading = new Reading(importId);
        try {
            Ending ending = readAndStore(reading, file, progress);
            finish(reading, ending, started);
        } catch (Throwable e) {
            // anything at all (a database failure in a writer, an OutOfMemoryError): logged once, the import FAILED
            log.error("import {} failed after line {}", importId, reading.lineNumber, e);
            finish(reading, Ending.failed(Failure.INTERNAL, "internal error after line " + reading.lineNumber + " ("
                    + e + "); the rows stored before it are kept: import the file again to finish it (rows stored "
                    + "count once)"), started);
        } finally {
            activity.importFinished();
        }
    }

    /** How an import ended: COMPLETED, or FAILED with the reason. */
    private record Ending(Failure failure, String reason) {

        static final Ending COMPLETED = new Ending(null, null);

        static Ending failed(Failure failure, String reason) {
            return new Ending(failure, reason);
        }
    }

    /** The state of one import's reading: where it is, and how many rejections it may still store. */
    private final class Reading {
        private final String importId;
        private final AtomicLong storableRejections = new AtomicLong(limits.maxStoredRejections());
        private long lineNumber;

        private Reading(String importId) {
            this.importId = importId;
        }

        /** How many of {@code wanted} rejections may be stored; the others are only counted. */
        int reserveRejections(int wanted) {
            long before = storableRejections.getAndUpdate(left -> Math.max(0, left - wanted));
            return (int) Math.min(wanted, before);
        }
    }

    private Ending readAndStore(Reading reading, Path file, Consumer<ImportProgress> progress) throws Exception {
        long totalBytes = Files.size(file);
        try (CountingInputStream raw = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file),
                1 << 16));
             InputStream in = isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw) {
            BoundedLineReader reader = new BoundedLineReader(in, limits.maxLineBytes());
            BoundedLineReader.Line header;
            try {
                header = reader.next();
            } catch (IOException damaged) {
                return Ending.failed(Failure.TRUNCATED, "the gzip stream is damaged before the end of the header ("
                        + damaged.getMessage() + "); nothing stored");
            }
            reading.lineNumber = 1;
            if (header == null) {
                return Ending.failed(Failure.EMPTY, "the file is empty: expected the header " + HEADER);
            }
            RowText.Decoded headerText = RowText.decodeStrictly(header.bytes(), header.kept());
            if (header.tooLong() || !headerText.isValid() || !HEADER.equals(stripBom(headerText.text()).strip())) {
                return Ending.failed(Failure.HEADER, "line 1 is not the header: expected " + HEADER);
            }
            Ending ending = Ending.COMPLETED;
            try (ParallelBatchWriter<Batch> writer = new ParallelBatchWriter<>(writers,
                    b -> store(reading, b))) {
                Lanes plain = new Lanes(writers);
                Batch replacing = new Batch();
                long rowsRead = 0;
                try {
                    for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                        if (reader.bytesRead() > limits.maxExpandedBytes()) {
                            ending = Ending.failed(Failure.EXPANDED_SIZE, "the file expands to more than "
                                    + limits.maxExpandedBytes() + " bytes (footprint.import.max-expanded-size): "
                                    + "stopped at line " + (reading.lineNumber + 1) + "; the rows before it are kept");
                            break;
                        }
                        if (reading.lineNumber - 1 >= limits.maxRows()) {
                            ending = Ending.failed(Failure.ROWS, "the file holds more than " + limits.maxRows()
                                    + " rows (footprint.import.max-rows): stopped at line " + (reading.lineNumber + 1)
                                    + "; the rows before it are kept");
                            break;
                        }
                        reading.lineNumber++;
                        FileRow row = FileRow.parse(reading.lineNumber, line, limits.maxLineBytes());
                        Batch target = row.isReplacing() ? replacing : plain.of(row);
                        target.add(row);
                        if (target.isFull()) {
                            rowsRead += target.rowsRead;
                            if (target != replacing) {
                                writer.submit(plain.takeFull(row));
                            } else {
                                // every row before the replacing ones is stored first, their targets among them
                                rowsRead += submitAll(writer, plain);
                                writer.storeAfterAllBefore(replacing);
                                replacing = new Batch();
                            }
                            progress.accept(new ImportProgress(raw.count(), totalBytes, rowsRead));
                        }
                    }
                } catch (IOException damaged) {
                    long kept = reading.lineNumber - 1;
                    ending = Ending.failed(isGzipDamage(damaged) ? Failure.TRUNCATED : Failure.READ_ERROR,
                            (isGzipDamage(damaged) ? "the gzip stream is truncated or corrupt" : "the file could "
                                    + "not be read (" + damaged.getMessage() + ")") + " after line "
                                    + reading.lineNumber + ": the " + kept + " complete rows before the damage are "
                                    + "kept and counted; the partial line at the damage is not a row");
                }
                // the complete rows read before any stop are stored
                rowsRead += submitAll(writer, plain);
                writer.storeAfterAllBefore(replacing);
                rowsRead += replacing.rowsRead;
                if (ending == Ending.COMPLETED) {
                    progress.accept(new ImportProgress(totalBytes, totalBytes, rowsRead));
                }
            }
            return ending;
        }
    }

    /** Submits what the lanes hold, answering the rows read into them. */
    private static long submitAll(ParallelBatchWriter<Batch> writer, Lanes lanes) throws InterruptedException {
        long rows = 0;
        for (Batch batch : lanes.takeAll()) {
            if (batch.rowsRead > 0) {
                rows += batch.rowsRead;
                writer.submit(batch);
            }
        }
        return rows;
    }

    private static boolean isGzipDamage(IOException e) {
        return e instanceof EOFException || e instanceof ZipException;
    }

    private void store(Reading reading, Batch batch) {
        IntakeReport report = batch.submissions.isEmpty()
                ? new IntakeReport(0, 0, List.of())
                : intake.submit(batch.submissions, "file");
        List<ImportRejection> rejections = new ArrayList<>(batch.malformed);
        for (RecordRejection rejection : report.rejected()) {
            int at = (int) rejection.index();
            rejections.add(ImportRejection.of(batch.lineNumbers.get(at), rejection.recordId(), rejection.field(),
                    rejection.reason(), RowText.printable(batch.lines.get(at))));
        }
        int stored = reading.reserveRejections(rejections.size());
        registry.addBatch(reading.importId, batch.rowsRead, report.accepted(), report.duplicates(), rejections.size(),
                rejections.subList(0, stored));
        batch.malformed.forEach(row -> intakeMetrics.recordMalformedRow());
    }

    /** Writes the final status (after every batch in flight is stored), counts and logs the ending once. */
    private void finish(Reading reading, Ending ending, long startedNanos) {
        String status = ending.failure() == null ? "COMPLETED" : "FAILED";
        try {
            registry.finish(reading.importId, status, ending.reason());
        } catch (RuntimeException e) {
            log.error("import {}: its final status {} could not be stored ({}); it is failed at the next start",
                    reading.importId, status, e.toString());
            return;
        }
        long nanos = System.nanoTime() - startedNanos;
        importDuration.record(nanos, TimeUnit.NANOSECONDS);
        if (ending.failure() != null) {
            failures(ending.failure()).increment();
            log.warn("import {} FAILED: {}", reading.importId, ending.reason());
        }
        registry.status(reading.importId).ifPresent(finalStatus -> {
            double rowsPerSecond = finalStatus.rowsRead() / Math.max(1e-9, nanos / 1e9);
            lastRowsPerSecond.set(Math.round(rowsPerSecond));
            log.info("import {} {}: {} rows read, {} accepted, {} duplicates, {} rejected ({} stored), {} rows/s",
                    reading.importId, status, finalStatus.rowsRead(), finalStatus.accepted(),
                    finalStatus.duplicates(), finalStatus.rejected(), finalStatus.rejectionsStored(),
                    Math.round(rowsPerSecond));
        });
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

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /**
     * The batches being filled with plain rows, one per writer, each line's rows always in the same one: batches
     * stored side by side then touch different lines, so they never wait for each other on a line's registration or
     * its line-month totals. A row too malformed to name its line goes to the first.
     */
    private final class Lanes {
        private final Batch[] filling;

        Lanes(int lanes) {
            filling = new Batch[lanes];
            for (int lane = 0; lane < lanes; lane++) {
                filling[lane] = new Batch();
            }
        }

        Batch of(FileRow row) {
            return filling[laneOf(row)];
        }

        /** The row's batch, replaced by an empty one. */
        Batch takeFull(FileRow row) {
            int lane = laneOf(row);
            Batch full = filling[lane];
            filling[lane] = new Batch();
            return full;
        }

        /** Every batch being filled, each replaced by an empty one. */
        List<Batch> takeAll() {
            List<Batch> all = List.of(filling);
            for (int lane = 0; lane < filling.length; lane++) {
                filling[lane] = new Batch();
            }
            return all;
        }

        private int laneOf(FileRow row) {
            String lineId = row.submission() == null ? null : row.submission().lineId();
            return lineId == null ? 0 : Math.floorMod(lineId.hashCode(), filling.length);
        }
    }

    /** Up to one intake batch of rows, with the file line number and text of each, and the rows malformed. */
    private final class Batch {
        private final List<UsageRecordSubmission> submissions = new ArrayList<>();
        private final List<Long> lineNumbers = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private final List<ImportRejection> malformed = new ArrayList<>();
        private long rowsRead;

        void add(FileRow row) {
            rowsRead++;
            if (row.malformed() != null) {
                malformed.add(row.malformed());
                return;
            }
            submissions.add(row.submission());
            lineNumbers.add(row.lineNumber());
            lines.add(row.text());
        }

        boolean isFull() {
            return submissions.size() + malformed.size() >= batchSize;
        }
    }
}
