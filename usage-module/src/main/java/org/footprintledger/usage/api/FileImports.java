package org.footprintledger.usage.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** Imports of usage files (CSV, optionally gzip), run in the background. */
public interface FileImports {

    /**
     * Spools the stream to disk, then imports it in the background; returns the import id at once. A gzip stream is
     * recognised by its magic bytes, whatever the content type said.
     */
    String start(InputStream body) throws IOException;

    /** Imports a file in the calling thread (command line, benchmark), reporting progress after each batch. */
    ImportStatus importFile(Path file, Consumer<ImportProgress> progress);

    Optional<ImportStatus> status(String importId);

    /** The most recent imports first, for ops: how each went and how many rows it rejected. */
    java.util.List<ImportStatus> recent(int limit);

    /** Writes the rejected rows of a known import (see {@link #status}) as CSV: line_number,record_id,field,reason,raw_row. */
    void writeRejections(String importId, Writer out) throws IOException;
}
