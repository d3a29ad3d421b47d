package org.footprintledger.usage.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.footprintledger.usage.api.ImportProgress;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.footprintledger.usage.domain.RowText;

/**
 * Reads one feed file (CSV, gzip recognised by its magic bytes) line by line within {@link ImportLimits}, never a
 * whole file or a whole over-long line in memory, into batches of rows handed to {@code store} on several writers at
 * once ({@link ParallelBatchWriter}). A row is the unit of failure: any bytes in a row make at worst that row a
 * rejection. A limit or damage stops the reading with the reason, the complete rows before it handed over.
 */
final class FeedFileReader {

    private static final String HEADER = UsageRecordSubmission.CSV_HEADER;

    private final ImportLimits limits;
    private final int batchSize;
    private final int writers;
    private long lineNumber;

    FeedFileReader(ImportLimits limits, int batchSize, int writers) {
        this.limits = limits;
        this.batchSize = batchSize;
        this.writers = writers;
    }

    /** The line of the file read last (1 is the header). */
    long lineNumber() {
        return lineNumber;
    }

    /** Why an import ended FAILED: the tag of {@code usage_import_failures_total}. */
    enum Failure {
        EMPTY, HEADER, TRUNCATED, EXPANDED_SIZE, ROWS, READ_ERROR, INTERNAL;

        String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** How an import ended: COMPLETED, or FAILED with the reason. */
    record Ending(Failure failure, String reason) {

        static final Ending COMPLETED = new Ending(null, null);

        static Ending failed(Failure failure, String reason) {
            return new Ending(failure, reason);
        }
    }

    /** Reads the file, handing each full batch to {@code store} (on a writer) and the rest at its end. */
    Ending read(Path file, Consumer<ImportProgress> progress, Consumer<FileBatch> store) throws Exception {
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
            lineNumber = 1;
            if (header == null) {
                return Ending.failed(Failure.EMPTY, "the file is empty: expected the header " + HEADER);
            }
            RowText.Decoded headerText = RowText.decodeStrictly(header.bytes(), header.kept());
            if (header.tooLong() || !headerText.isValid() || !HEADER.equals(stripBom(headerText.text()).strip())) {
                return Ending.failed(Failure.HEADER, "line 1 is not the header: expected " + HEADER);
            }
            Ending ending = Ending.COMPLETED;
            try (ParallelBatchWriter<FileBatch> writer = new ParallelBatchWriter<>(writers,
                    store)) {
                Lanes plain = new Lanes(writers);
                FileBatch replacing = new FileBatch(batchSize);
                long rowsRead = 0;
                try {
                    for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                        if (reader.bytesRead() > limits.maxExpandedBytes()) {
                            ending = Ending.failed(Failure.EXPANDED_SIZE, "the file expands to more than "
                                    + limits.maxExpandedBytes() + " bytes (footprint.import.max-expanded-size): "
                                    + "stopped at line " + (lineNumber + 1) + "; the rows before it are kept");
                            break;
                        }
                        if (lineNumber - 1 >= limits.maxRows()) {
                            ending = Ending.failed(Failure.ROWS, "the file holds more than " + limits.maxRows()
                                    + " rows (footprint.import.max-rows): stopped at line " + (lineNumber + 1)
                                    + "; the rows before it are kept");
                            break;
                        }
                        lineNumber++;
                        FileRow row = FileRow.parse(lineNumber, line, limits.maxLineBytes());
                        FileBatch target = row.isReplacing() ? replacing : plain.of(row);
                        target.add(row);
                        if (target.isFull()) {
                            rowsRead += target.rowsRead();
                            if (target != replacing) {
                                writer.submit(plain.takeFull(row));
                            } else {
                                // every row before the replacing ones is stored first, their targets among them
                                rowsRead += submitAll(writer, plain);
                                writer.storeAfterAllBefore(replacing);
                                replacing = new FileBatch(batchSize);
                            }
                            progress.accept(new ImportProgress(raw.count(), totalBytes, rowsRead));
                        }
                    }
                } catch (IOException damaged) {
                    long kept = lineNumber - 1;
                    ending = Ending.failed(isGzipDamage(damaged) ? Failure.TRUNCATED : Failure.READ_ERROR,
                            (isGzipDamage(damaged) ? "the gzip stream is truncated or corrupt" : "the file could "
                                    + "not be read (" + damaged.getMessage() + ")") + " after line "
                                    + lineNumber + ": the " + kept + " complete rows before the damage are "
                                    + "kept and counted; the partial line at the damage is not a row");
                }
                // the complete rows read before any stop are stored
                rowsRead += submitAll(writer, plain);
                writer.storeAfterAllBefore(replacing);
                rowsRead += replacing.rowsRead();
                if (ending == Ending.COMPLETED) {
                    progress.accept(new ImportProgress(totalBytes, totalBytes, rowsRead));
                }
            }
            return ending;
        }
    }

    /** Submits what the lanes hold, answering the rows read into them. */
    private static long submitAll(ParallelBatchWriter<FileBatch> writer, Lanes lanes) throws InterruptedException {
        long rows = 0;
        for (FileBatch batch : lanes.takeAll()) {
            if (batch.rowsRead() > 0) {
                rows += batch.rowsRead();
                writer.submit(batch);
            }
        }
        return rows;
    }

    private static boolean isGzipDamage(IOException e) {
        return e instanceof EOFException || e instanceof ZipException;
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

    /**
     * The batches being filled with plain rows, one per writer, each line's rows always in the same one: batches
     * stored side by side then touch different lines, so they never wait for each other on a line's registration or
     * its line-month totals. A row too malformed to name its line goes to the first.
     */
    private final class Lanes {
        private final FileBatch[] filling;

        Lanes(int lanes) {
            filling = new FileBatch[lanes];
            for (int lane = 0; lane < lanes; lane++) {
                filling[lane] = new FileBatch(batchSize);
            }
        }

        FileBatch of(FileRow row) {
            return filling[laneOf(row)];
        }

        /** The row's batch, replaced by an empty one. */
        FileBatch takeFull(FileRow row) {
            int lane = laneOf(row);
            FileBatch full = filling[lane];
            filling[lane] = new FileBatch(batchSize);
            return full;
        }

        /** Every batch being filled, each replaced by an empty one. */
        List<FileBatch> takeAll() {
            List<FileBatch> all = List.of(filling);
            for (int lane = 0; lane < filling.length; lane++) {
                filling[lane] = new FileBatch(batchSize);
            }
            return all;
        }

        private int laneOf(FileRow row) {
            String lineId = row.submission() == null ? null : row.submission().lineId();
            return lineId == null ? 0 : Math.floorMod(lineId.hashCode(), filling.length);
        }
    }
}
