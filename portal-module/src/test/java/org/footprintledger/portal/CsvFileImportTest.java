package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** File imports of the feed: streamed, in the background, every bad row kept with its line, field and reason. */
class CsvFileImportTest extends PortalIntegrationTest {

    private static final String HEADER = FileImportClient.HEADER;

    private String s;

    @BeforeEach
    void newSubscriber() {
        s = "f-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String file() {
        return HEADER
                + s + "-1," + s + "," + s + "-mob,MOBILE,4G,2025-03-01,6000000000,999999999,false,\n"     // line 2
                + s + "-2," + s + "," + s + "-mob,MOBILE,4G,2025-03-02,6000000000,0,,\n"                  // line 3
                + s + "-3," + s + "," + s + "-mob,MOBILE,4G,2025-03-03,1,2\n"                              // line 4
                + "\"" + s + "-4\"," + s + "," + s + "-mob,MOBILE,\"4G,2025-03-04,1,2,false,\n"            // line 5
                + s + "-5," + s + "," + s + "-mob,SATELLITE,,2025-03-05,1,2,false,\n"                      // line 6
                + s + "-6," + s + "," + s + "-mob,MOBILE,4G,2999-01-01,1,2,false,\n"                       // line 7
                + "\"" + s + "-7\"," + s + "," + s + "-box,FIXED,FTTH,2025-03-07,\"100\",0,true,\n";      // line 8
    }

    @Test
    void a_csv_file_is_imported_with_each_bad_row_reported_by_line_and_field() throws Exception {
        JsonNode status = importAndWait(file().getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(status.get("rowsRead").asLong()).isEqualTo(7);
        assertThat(status.get("accepted").asLong()).isEqualTo(3);
        assertThat(status.get("duplicates").asLong()).isZero();
        assertThat(status.get("rejected").asLong()).isEqualTo(4);

        String rejections = as("feed", "feed").get("/api/v1/usage/imports/" + status.get("importId").asString()
                + "/rejections").body();
        assertThat(rejections.lines()).hasSize(5);
        assertThat(rejections.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))))
                .containsExactly("4", "5", "6", "7");
        assertThat(rejections).contains("expected 10 columns, got 8", "broken quoting", ",line_type,",
                ",usage_date,", "is in the future");

        ApiClient.Response listed = as("ops", "ops").get("/api/v1/usage/imports?limit=1000");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(status.get("importId").asString());
        assertThat(as(s, "demo").get("/api/v1/usage/imports").status()).isEqualTo(403);

        JsonNode march = statement("2025-03", 2);
        assertThat(line(march, s + "-mob").get("exact").get("bytes").asLong()).isEqualTo(12_999_999_999L);
        assertThat(line(march, s + "-mob").get("co2eGrams").asLong()).isEqualTo(642);
        assertThat(line(march, s + "-box").get("estimated").asBoolean()).isTrue();
        assertThat(line(march, s + "-box").get("co2eGrams").asLong()).isEqualTo(4100);
    }

    @Test
    void importing_the_same_file_again_gzipped_changes_no_total() throws Exception {
        importAndWait(file().getBytes(StandardCharsets.UTF_8), "text/csv");
        statement("2025-03", 2);

        JsonNode again = importAndWait(gzip(file().getBytes(StandardCharsets.UTF_8)), "application/gzip");

        assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(3);
        Thread.sleep(500);
        assertThat(line(statement("2025-03", 2), s + "-mob").get("exact").get("bytes").asLong())
                .isEqualTo(12_999_999_999L);
    }

    @Test
    void an_empty_file_or_a_file_without_header_fails_with_the_reason() throws Exception {
        JsonNode empty = importAndWait(new byte[0], "text/csv");
        assertThat(empty.get("status").asString()).isEqualTo("FAILED");
        assertThat(empty.get("error").asString()).contains("empty");

        JsonNode headless = importAndWait((s + "-1," + s + "," + s + "-mob,MOBILE,4G,2025-03-01,1,1,false,\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(headless.get("status").asString()).isEqualTo("FAILED");
        assertThat(headless.get("error").asString()).contains("line 1 is not the header");
        assertThat(headless.get("accepted").asLong()).isZero();
    }

    @Test
    void a_truncated_gzip_fails_and_keeps_what_was_read() throws Exception {
        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; i < 30_000; i++) {
            big.append(s).append("-t").append(i).append(',').append(s).append(',').append(s)
                    .append("-mob,MOBILE,5G,2025-04-01,").append(1000 + i).append(",0,false,\n");
        }
        byte[] whole = gzip(big.toString().getBytes(StandardCharsets.UTF_8));

        byte[] truncated = Arrays.copyOf(whole, whole.length * 2 / 3);
        long completeRows = completeLinesDecodable(truncated) - 1;

        JsonNode status = importAndWait(truncated, "application/gzip");

        assertThat(status.get("status").asString()).isEqualTo("FAILED");
        assertThat(status.get("error").asString()).contains("truncated or corrupt")
                .contains("the " + completeRows + " complete rows before the damage are kept");
        assertThat(completeRows).isPositive().isLessThan(30_000);
        assertThat(status.get("accepted").asLong()).isEqualTo(completeRows);
        assertThat(status.get("rowsRead").asLong()).isEqualTo(completeRows);
        try (var spooled = java.nio.file.Files.list(SPOOL_DIRECTORY)) {
            assertThat(spooled).as("the spooled file is removed when the import fails").isEmpty();
        }
    }

    /** The lines a tolerant reader gets out of a damaged gzip, byte by byte until the damage (independent check). */
    private static long completeLinesDecodable(byte[] gzip) throws Exception {
        long lines = 0;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                lines += b == '\n' ? 1 : 0;
            }
        } catch (java.io.EOFException damage) {
            // the end of what can be decoded
        }
        return lines;
    }

    private JsonNode importAndWait(byte[] body, String contentType) throws Exception {
        return new FileImportClient(port).importAndWait(body, contentType);
    }

    private JsonNode statement(String month, int lines) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            ApiClient.Response response = as("auditor", "auditor")
                    .get("/api/v1/subscribers/" + s + "/statements/" + month);
            return response.status() == 200 ? response.json() : null;
        }, statement -> statement != null && statement.get("lines").size() == lines);
    }

    private static JsonNode line(JsonNode statement, String lineId) {
        for (JsonNode line : statement.get("lines")) {
            if (line.get("lineId").asString().equals(lineId)) {
                return line;
            }
        }
        throw new AssertionError("no line " + lineId);
    }

    private static byte[] gzip(byte[] content) {
        return FileImportClient.gzip(content);
    }
}
