package org.footprintledger.usage.internal;

import org.footprintledger.usage.internal.FeedFileReader.Ending;

import org.footprintledger.usage.domain.RowText;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * Runs the imports of feed files: spooled uploads in the background or a file of the command line, each read by a
 * {@link FeedFileReader} whose batches go through the same intake as the JSON endpoint, each committed on its own so
 * progress is visible and a crash loses nothing stored. Keeps each import's counters and rejections, and ends it
 * COMPLETED or FAILED with the reason (a limit, a damaged gzip, any {@link Throwable} of its threads) once every batch
 * in flight is stored, counting and logging the ending once.
 */
@Service
class FileImportJobs implements FileImports, DisposableBean {

    private static final String HEADER = UsageRecordSubmission.CSV_HEADER;
    private static final Logger log = LoggerFactory.getLogger(FileImportJobs.class);

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

    FileImportJobs(UsageIntake intake, ImportRegistry registry, ImportSpool spool, ImportLimits limits,
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
        for (FeedFileReader.Failure reason : FeedFileReader.Failure.values()) {
            failures(reason);
        }
    }


    private Counter failures(FeedFileReader.Failure reason) {
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
        FeedFileReader reader = new FeedFileReader(limits, batchSize, writers);
        Reading reading = new Reading(importId, reader);
        try {
            Ending ending = reader.read(file, progress, batch -> store(reading, batch));
            finish(reading, ending, started);
        } catch (Throwable e) {
            // anything at all (a database failure in a writer, an OutOfMemoryError): logged once, the import FAILED
            log.error("import {} failed after line {}", importId, reading.reader.lineNumber(), e);
            finish(reading, Ending.failed(FeedFileReader.Failure.INTERNAL, "internal error after line " + reading.reader.lineNumber() + " ("
                    + e + "); the rows stored before it are kept: import the file again to finish it (rows stored "
                    + "count once)"), started);
        } finally {
            activity.importFinished();
        }
    }


    /** The state of one import's reading: where it is, and how many rejections it may still store. */
    private final class Reading {
        private final String importId;
        private final AtomicLong storableRejections = new AtomicLong(limits.maxStoredRejections());
        private final FeedFileReader reader;

        private Reading(String importId, FeedFileReader reader) {
            this.importId = importId;
            this.reader = reader;
        }

        /** How many of {@code wanted} rejections may be stored; the others are only counted. */
        int reserveRejections(int wanted) {
            long before = storableRejections.getAndUpdate(left -> Math.max(0, left - wanted));
            return (int) Math.min(wanted, before);
        }
    }




    private void store(Reading reading, FileBatch batch) {
        IntakeReport report = batch.submissions().isEmpty()
                ? new IntakeReport(0, 0, List.of())
                : intake.submit(batch.submissions(), "file");
        List<ImportRejection> rejections = new ArrayList<>(batch.malformed());
        for (RecordRejection rejection : report.rejected()) {
            int at = (int) rejection.index();
            rejections.add(ImportRejection.of(batch.lineNumbers().get(at), rejection.recordId(), rejection.field(),
                    rejection.reason(), RowText.printable(batch.lines().get(at))));
        }
        int stored = reading.reserveRejections(rejections.size());
        registry.addBatch(reading.importId, batch.rowsRead(), report.accepted(), report.duplicates(), rejections.size(),
                rejections.subList(0, stored));
        batch.malformed().forEach(row -> intakeMetrics.recordMalformedRow());
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



    @Override
    public void destroy() {
        workers.shutdownNow();
    }


}
