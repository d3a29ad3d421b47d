package org.footprintledger.usage.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.Optional;

/** Imports of usage files (CSV, optionally gzip), run in the background. */
public interface FileImports {

    /** Spools the stream to disk, then imports it in the background; returns the import id at once. */
    String start(InputStream body, boolean gzip) throws IOException;

    Optional<ImportStatus> status(String importId);

    /** Writes the rejected rows of an import as CSV: line_number,record_id,field,reason. */
    boolean writeRejections(String importId, Writer out) throws IOException;
}
