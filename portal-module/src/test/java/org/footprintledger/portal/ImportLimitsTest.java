package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The limits of one import file (here 2 000 rows, 1 MB expanded, 5 stored rejections): beyond the first two the
 * import ends FAILED with the reason, keeping what was stored and saying how far it got; beyond the third the
 * rejections are counted, not stored.
 */
class ImportLimitsTest extends SmallLimitsIntegrationTest {

    private final String s = "k-" + UUID.randomUUID().toString().substring(0, 8);

    private String rows(int from, int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            rows.append(s).append('-').append(i).append(',').append(s).append(',').append(s)
                    .append("-l,MOBILE,4G,2025-02-01,1,0,false,\n");
        }
        return rows.toString();
    }

    @Test
    void a_file_of_more_rows_than_the_limit_stops_there_and_keeps_the_rows_before() throws Exception {
        JsonNode status = new FileImportClient(port).importAndWait(
                (FileImportClient.HEADER + rows(0, 2_500)).getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("error").asString()).isEqualTo("the file holds more than 2000 rows "
                + "(footprint.import.max-rows): stopped at line 2002; the rows before it are kept");
        assertThat(status.get("rowsRead").asLong()).isEqualTo(2_000);
        assertThat(status.get("accepted").asLong()).isEqualTo(2_000);
        assertThat(new ApiClient(port, "ops", "ops").get("/actuator/prometheus").body())
                .containsPattern("usage_import_failures_total\\{[^}]*reason=\"rows\"[^}]*} [1-9]");
    }

    @Test
    void a_small_gzip_that_expands_beyond_the_limit_stops_there_and_keeps_the_rows_before() throws Exception {
        // about 700 bytes of gzip per 100 000 bytes of rows that each take 1 000 bytes (a rejected record id)
        StringBuilder file = new StringBuilder(FileImportClient.HEADER);
        for (int i = 0; i < 1_500; i++) {
            file.append("x".repeat(940)).append(i).append(',').append(s).append(',').append(s)
                    .append("-l,MOBILE,4G,2025-02-01,1,0,false,\n");
        }
        byte[] gzip = FileImportClient.gzip(file.toString().getBytes(StandardCharsets.UTF_8));

        JsonNode status = new FileImportClient(port).importAndWait(gzip, "application/gzip");

        assertThat(gzip.length).isLessThan(50_000);
        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("error").asString()).startsWith("the file expands to more than 1000000 bytes "
                + "(footprint.import.max-expanded-size): stopped at line ");
        long rowsBefore = status.get("rowsRead").asLong();
        assertThat(rowsBefore).isBetween(900L, 1_000L);
        assertThat(status.get("error").asString()).contains("stopped at line " + (rowsBefore + 2) + ";");
        assertThat(status.get("rejected").asLong()).isEqualTo(rowsBefore);
    }

    @Test
    void rejections_beyond_the_stored_maximum_are_counted_not_stored() throws Exception {
        StringBuilder file = new StringBuilder(FileImportClient.HEADER).append(rows(0, 10));
        for (int i = 0; i < 40; i++) {
            file.append(s).append("-bad").append(i).append(',').append(s).append(',').append(s)
                    .append("-l,MOBILE,6G,2025-02-01,1,0,false,\n");
        }
        FileImportClient imports = new FileImportClient(port);

        JsonNode status = imports.importAndWait(file.toString().getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("accepted").asLong()).isEqualTo(10);
        assertThat(status.get("rejected").asLong()).isEqualTo(40);
        assertThat(status.get("rejectionsStored").asLong()).isEqualTo(5);
        assertThat(imports.rejections(status).lines()).hasSize(1 + 5);
    }
}
