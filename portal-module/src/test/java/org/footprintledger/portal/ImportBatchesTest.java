package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A file of many batches (here 100 rows each, on two writers): every row counts once, each line's rows in the order
 * of the file, and re-rated rows after the rows they replace, even when the re-rated rows fill batches of their own
 * in the middle of the file.
 */
class ImportBatchesTest extends SmallLimitsIntegrationTest {

    private static final int LINES = 30;
    private static final int DAYS = 20;

    private final String s = "b-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    JdbcTemplate db;

    @Test
    void a_file_of_many_batches_counts_each_row_once_and_replaces_only_what_came_before() throws Exception {
        StringBuilder file = new StringBuilder(FileImportClient.HEADER);
        long expected = 0;
        for (int day = 1; day <= DAYS; day++) {
            for (int line = 0; line < LINES; line++) {
                file.append(row(day, line, "", 1_000 + line, ""));
                expected += 1_000 + line;
            }
            if (day == 5) {
                // 150 re-rated rows (a batch and a half of them) for days 1 to 5, each down to 7 bytes
                for (int d = 1; d <= 5; d++) {
                    for (int line = 0; line < LINES; line++) {
                        file.append(row(d, line, "-v2", 7, id(d, line, "")));
                        expected += 7 - (1_000 + line);
                    }
                }
            }
        }
        file.append(row(3, 0, "", 1_000, "")); // a duplicate, late in the file

        JsonNode status = new FileImportClient(port).importAndWait(
                file.toString().getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("accepted").asLong()).isEqualTo(LINES * DAYS + 5 * LINES);
        assertThat(status.get("duplicates").asLong()).isEqualTo(1);
        assertThat(status.get("rejected").asLong()).isZero();
        assertThat(db.queryForObject("SELECT sum(bytes) FROM usage_line_month WHERE subscriber_id LIKE ?",
                Long.class, s + "%")).isEqualTo(expected);
        assertThat(db.queryForObject("SELECT sum(records) FROM usage_line_month WHERE subscriber_id LIKE ?",
                Long.class, s + "%")).isEqualTo(LINES * DAYS);
    }

    private String row(int day, int line, String version, long bytes, String replaces) {
        return String.format("%s,%s-%d,%s-%d-l,MOBILE,4G,2025-03-%02d,%d,0,false,%s%n", id(day, line, version), s,
                line % 7, s, line, day, bytes, replaces);
    }

    private String id(int day, int line, String version) {
        return s + "-" + line + "-" + day + version;
    }
}
