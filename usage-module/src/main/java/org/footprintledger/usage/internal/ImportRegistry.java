package org.footprintledger.usage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.footprintledger.footprint.api.CsvWriter;
import org.footprintledger.usage.api.ImportStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Imports, their counters and their rejected rows (tables {@code usage_import}, {@code usage_import_rejection}). */
@Repository
class ImportRegistry {

    private final JdbcTemplate jdbc;

    ImportRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void open(String importId) {
        jdbc.update("INSERT INTO usage_import (import_id, status) VALUES (?, 'RUNNING')", importId);
    }

    /**
     * Adds one stored batch: its counters, {@code rejected} rows in all, of which {@code stored} are kept (each with
     * the file's line number and its raw row in printable form).
     */
    void addBatch(String importId, long rowsRead, long accepted, long duplicates, long rejected,
                  List<ImportRejection> stored) {
        jdbc.update("UPDATE usage_import SET rows_read = rows_read + ?, accepted = accepted + ?, "
                + "duplicates = duplicates + ?, rejected = rejected + ?, rejections_stored = rejections_stored + ? "
                + "WHERE import_id = ?", rowsRead, accepted, duplicates, rejected, stored.size(), importId);
        jdbc.batchUpdate("INSERT INTO usage_import_rejection (import_id, line_number, record_id, field, reason, "
                + "raw_row) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", stored, 1000, (ps, r) -> {
                    ps.setString(1, importId);
                    ps.setLong(2, r.lineNumber());
                    ps.setString(3, r.recordId());
                    ps.setString(4, r.field());
                    ps.setString(5, r.reason());
                    ps.setString(6, r.rawRow());
                });
    }

    void finish(String importId, String status, String error) {
        jdbc.update("UPDATE usage_import SET status = ?, error = ?, finished_at = now() WHERE import_id = ?",
                status, error, importId);
    }

    /** Imports left RUNNING by a node that stopped (crash, kill) are failed at start: their file is gone. */
    int failInterrupted() {
        return jdbc.update("UPDATE usage_import SET status = 'FAILED', finished_at = now(), "
                + "error = 'interrupted by a stop of the application; import the file again (stored rows count once)' "
                + "WHERE status = 'RUNNING'");
    }

    Optional<ImportStatus> status(String importId) {
        return jdbc.query("SELECT import_id, status, rows_read, accepted, duplicates, rejected, error, rejections_stored FROM usage_import "
                + "WHERE import_id = ?", (rs, n) -> map(rs), importId).stream().findFirst();
    }

    List<ImportStatus> recent(int limit) {
        return jdbc.query("SELECT import_id, status, rows_read, accepted, duplicates, rejected, error, rejections_stored FROM usage_import "
                + "ORDER BY started_at DESC, import_id LIMIT ?", (rs, n) -> map(rs), limit);
    }

    private static ImportStatus map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ImportStatus(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getString(7), rs.getLong(8));
    }

    /** The stored rejections as CSV, through the product's one CSV writer (no cell a spreadsheet would run). */
    void writeRejections(String importId, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row("line_number", "record_id", "field", "reason", "raw_row");
        try {
            jdbc.query("SELECT line_number, record_id, field, reason, raw_row FROM usage_import_rejection "
                    + "WHERE import_id = ? ORDER BY line_number", rs -> {
                        try {
                            csv.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, importId);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }
}
