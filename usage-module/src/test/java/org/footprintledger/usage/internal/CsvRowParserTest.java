package org.footprintledger.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvRowParserTest {

    @Test
    void plain_fields_are_split_on_commas_and_empty_fields_are_kept() {
        assertThat(CsvRowParser.parse("r1,s1,l1,MOBILE,,2025-01-01,1,2,,"))
                .containsExactly("r1", "s1", "l1", "MOBILE", "", "2025-01-01", "1", "2", "", "");
    }

    @Test
    void quoted_fields_may_hold_commas_and_doubled_quotes() {
        assertThat(CsvRowParser.parse("\"r,1\",\"say \"\"hi\"\"\",x"))
                .containsExactly("r,1", "say \"hi\"", "x");
    }

    @Test
    void an_empty_quoted_field_is_an_empty_value() {
        assertThat(CsvRowParser.parse("a,\"\",c")).containsExactly("a", "", "c");
    }

    @Test
    void an_unclosed_quote_is_broken_quoting() {
        assertThatThrownBy(() -> CsvRowParser.parse("r1,\"MOBILE,4G"))
                .isInstanceOf(CsvRowParser.MalformedRowException.class)
                .hasMessageContaining("not closed");
    }

    @Test
    void a_quote_inside_an_unquoted_field_names_its_column() {
        assertThatThrownBy(() -> CsvRowParser.parse("r1,MO\"BILE,4G"))
                .isInstanceOf(CsvRowParser.MalformedRowException.class)
                .hasMessageContaining("column 2");
    }

    @Test
    void text_after_a_closing_quote_is_broken_quoting() {
        assertThatThrownBy(() -> CsvRowParser.parse("\"r1\"x,s1"))
                .isInstanceOf(CsvRowParser.MalformedRowException.class)
                .hasMessageContaining("after a closing quote at column 1");
    }
}
