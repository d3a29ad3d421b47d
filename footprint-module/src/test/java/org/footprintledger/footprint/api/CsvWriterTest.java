package org.footprintledger.footprint.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void cells_a_spreadsheet_would_run_are_shown_as_text() {
        assertThat(CsvWriter.cell("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvWriter.cell("+33")).isEqualTo("'+33");
        assertThat(CsvWriter.cell("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvWriter.cell("plain")).isEqualTo("plain");
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void cells_are_quoted_per_rfc_4180_when_they_hold_a_comma_a_quote_or_a_line_break() throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(7, "a,b", "say \"hi\"", "two\nlines", null, "=1,2");

        assertThat(out).hasToString("7,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"'=1,2\"\r\n");
    }
}
