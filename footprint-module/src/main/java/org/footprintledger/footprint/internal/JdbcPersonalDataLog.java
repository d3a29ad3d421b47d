package org.footprintledger.footprint.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footprintledger.footprint.api.PersonalDataLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@link PersonalDataLog} over {@code personal_data_log}; the counts are kept as a JSON object. */
@Component
class JdbcPersonalDataLog implements PersonalDataLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final RekeyingRecords rekeyings;
    private final Clock clock;

    JdbcPersonalDataLog(JdbcTemplate jdbc, RekeyingRecords rekeyings, Clock clock) {
        this.jdbc = jdbc;
        this.rekeyings = rekeyings;
        this.clock = clock;
    }

    @Override
    public Entry record(Kind kind, String subjectKey, String requestedBy, String reason, Map<String, Long> counts) {
        Instant at = clock.instant();
        Long id = jdbc.queryForObject("INSERT INTO personal_data_log (recorded_at, kind, subject_key, requested_by, "
                        + "reason, counts) VALUES (?, ?, ?, ?, ?, ?) RETURNING entry_id", Long.class,
                Timestamp.from(at), kind.name(), subjectKey, requestedBy, reason, write(counts));
        if (kind == Kind.ERASURE && id != null) {
            // the re-keying an erasure of a subscriber of an earlier release did first, in the same transaction
            rekeyings.belongsTo(subjectKey, id);
        }
        return new Entry(id == null ? 0 : id, at, kind, subjectKey, requestedBy, reason, Map.copyOf(counts));
    }

    @Override
    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT entry_id, recorded_at, kind, subject_key, requested_by, reason, counts "
                        + "FROM personal_data_log ORDER BY recorded_at DESC, entry_id DESC LIMIT ?",
                (rs, row) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), Kind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), read(rs.getString(7))),
                limit);
    }

    private static String write(Map<String, Long> counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("counts cannot be written as JSON", e);
        }
    }

    private static Map<String, Long> read(String counts) {
        try {
            return JSON.readValue(counts, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored personal data log entry cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }
}
