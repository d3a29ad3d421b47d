package org.footprintledger.usage.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.RecordRejection;
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

    /** Adds one stored batch: its counters and its rejections (each with the file's line number). */
    void addBatch(String importId, long rowsRead, long accepted, long duplicates, List<RecordRejection> rejections) {
        jdbc.update("UPDATE usage_import SET rows_read = rows_read + ?, accepted = accepted + ?, "
                + "duplicates = duplicates + ?, rejected = rejected + ? WHERE import_id = ?",
                rowsRead, accepted, duplicates, rejections.size(), importId);
        jdbc.batchUpdate("INSERT INTO usage_import_rejection (import_id, line_number, record_id, field, reason) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rejections, 1000, (ps, r) -> {
                    ps.setString(1, importId);
                    ps.setLong(2, r.index());
                    ps.setString(3, r.recordId());
                    ps.setString(4, r.field());
                    ps.setString(5, r.reason());
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
        return jdbc.query("SELECT import_id, status, rows_read, accepted, duplicates, rejected, error FROM usage_import "
                + "WHERE import_id = ?", (rs, n) -> map(rs), importId).stream().findFirst();
    }

    List<ImportStatus> recent(int limit) {
        return jdbc.query("SELECT import_id, status, rows_read, accepted, duplicates, rejected, error FROM usage_import "
                + "ORDER BY started_at DESC, import_id LIMIT ?", (rs, n) -> map(rs), limit);
    }

    private static ImportStatus map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ImportStatus(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getString(7));
    }

    void writeRejections(String importId, Writer out) throws IOException {
        out.write("line_number,record_id,field,reason\n");
        try {
            jdbc.query("SELECT line_number, record_id, field, reason FROM usage_import_rejection WHERE import_id = ? "
                    + "ORDER BY line_number", rs -> {
                        try {
                            out.write(rs.getLong(1) + "," + csv(rs.getString(2)) + "," + csv(rs.getString(3)) + ","
                                    + csv(rs.getString(4)) + "\n");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, importId);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + value.replace("\"", "\"\"").replace("\n", " ").replace("\r", " ") + "\"";
    }
}
