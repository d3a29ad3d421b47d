package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A feed file as hostile as an operator's worst: whatever bytes a row holds, only that row is rejected. */
class HostileFileImportTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate db;

    private String s;
    private FileImportClient imports;

    @BeforeEach
    void newSubscriber() {
        s = "h-" + UUID.randomUUID().toString().substring(0, 8);
        imports = new FileImportClient(port);
    }

    private String row(int i) {
        return s + "-" + i + "," + s + "," + s + "-l" + (i % 50) + ",MOBILE,4G,2025-05-0" + (1 + i % 9) + "," + (i + 1)
                + ",0,false,\n";
    }

    @Test
    void one_nul_byte_or_any_bad_bytes_reject_their_own_row_and_the_rest_of_the_file_is_stored_every_time()
            throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(FileImportClient.HEADER.getBytes(StandardCharsets.UTF_8));
        file.writeBytes("\u0000bad-row\n".getBytes(StandardCharsets.UTF_8));                                  // line 2
        int valid = 120_000;
        for (int i = 0; i < valid; i++) {
            file.writeBytes(row(i).getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes((s + "-n," + s + ",x\u0000y,MOBILE,4G,2025-05-01,1,0,false,\n").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(bytes(s + "-u,", ",x\n", 0xFF, 0xFE));                                // invalid UTF-8
        file.writeBytes(bytes(s + "-o,", ",x\n", 0xC0, 0xAF));                                // overlong "/"
        file.writeBytes(bytes(s + "-g,", ",x\n", 0xED, 0xA0, 0x80));                          // a lone surrogate
        file.writeBytes((s + "-c\u0085," + s + "," + s + "-l1,MOBILE,4G,2025-05-01,1,0,false,\n")
                .getBytes(StandardCharsets.UTF_8));                                                    // C1 control
        long lastLine = 1 + 1 + valid + 5;

        JsonNode first = imports.importAndWait(file.toByteArray(), "text/csv");

        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("COMPLETED");
        assertThat(first.get("rowsRead").asLong()).isEqualTo(valid + 6);
        assertThat(first.get("accepted").asLong()).isEqualTo(valid);
        assertThat(first.get("rejected").asLong()).isEqualTo(6);
        assertThat(first.get("rejectionsStored").asLong()).isEqualTo(6);
        String rejections = imports.rejections(first);
        assertThat(rejections).contains("2,\\x00bad-row,row,a control character \\x00 in field record_id,\\x00bad-row")
                .contains("a control character \\x00 in field line_id")
                .contains("not valid UTF-8: an invalid byte sequence at byte " + (s.length() + 4))
                .contains(s + "-u,\uFFFD\uFFFD,x", s + "-g,")
                .contains("a control character \\u0085 in field record_id");
        assertThat(rejections.lines().map(l -> l.substring(0, l.indexOf(','))).toList())
                .contains(String.valueOf(lastLine));
        assertThat(db.queryForObject("SELECT count(*) FROM usage_record WHERE subscriber_id = ?", Long.class, s))
                .isEqualTo(valid);

        JsonNode again = imports.importAndWait(file.toByteArray(), "text/csv");
        assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(again.get("duplicates").asLong()).isEqualTo(valid);
        assertThat(again.get("rejected").asLong()).isEqualTo(6);
        try (var spooled = Files.list(SPOOL_DIRECTORY)) {
            assertThat(spooled).isEmpty();
        }
    }

    @Test
    void a_line_of_300_megabytes_is_one_rejected_row_and_the_rows_around_it_are_kept() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write((FileImportClient.HEADER + row(1)).getBytes(StandardCharsets.UTF_8));
            byte[] field = new byte[1 << 20];
            Arrays.fill(field, (byte) 'x');
            gzip.write((s + "-long,").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 300; i++) {
                gzip.write(field);
            }
            gzip.write(("\n" + row(2)).getBytes(StandardCharsets.UTF_8));
        }

        JsonNode status = imports.importAndWait(zipped.toByteArray(), "application/gzip");

        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(status.get("accepted").asLong()).isEqualTo(2);
        assertThat(status.get("rejected").asLong()).isEqualTo(1);
        String rejections = imports.rejections(status);
        assertThat(rejections).contains("3,,row,the line is " + (s.length() + 6 + 300L * (1 << 20))
                + " bytes long; the limit is 4096 (footprint.import.max-line-length)");
        assertThat(rejections.length()).as("the raw row is capped").isLessThan(2_000);
    }

    @Test
    void the_rejections_download_never_hands_a_spreadsheet_a_formula() throws Exception {
        String file = FileImportClient.HEADER
                + "\"=cmd|' /C calc'!A0\"," + s + "," + s + "-l,MOBILE,4G,2025-05-01,1,0,false,\n"
                + "+1," + s + "," + s + "-l,MOBILE,4G,2025-05-01,1,0,false,\n"
                + "-2," + s + "," + s + "-l,MOBILE,4G,2999-05-01,1,0,false,\n"
                + "@SUM(A1)," + s + "," + s + "-l,MOBILE,4G,2025-05-01,1,0,false,\n"
                + s + "-5," + s + "," + s + "-l,MOBILE,4G,2025-05-01,-3,0,false,\n";

        JsonNode status = imports.importAndWait(file.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(status.get("rejected").asLong()).isEqualTo(5);
        String rejections = imports.rejections(status);
        assertThat(rejections).contains("'=cmd|' /C calc'!A0", "'+1", "'@SUM(A1)", "'-2,");
        for (String line : rejections.lines().skip(1).toList()) {
            for (String unquoted : cells(line)) {
                assertThat(unquoted).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                        .doesNotStartWith("\t").doesNotStartWith("\r");
                assertThat(unquoted).as(line).doesNotStartWith("-");
            }
        }
    }

    /** The cells of one CSV line, unquoted (RFC 4180; the download's cells hold no line break). */
    private static java.util.List<String> cells(String line) {
        java.util.List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static byte[] bytes(String before, String after, int... raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
