package org.footprintledger.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RowTextTest {

    @Test
    void valid_utf8_decodes_and_invalid_overlong_or_surrogate_sequences_are_found_with_their_offset() {
        byte[] valid = "é,ok".getBytes(StandardCharsets.UTF_8);
        assertThat(RowText.decodeStrictly(valid, valid.length).text()).isEqualTo("é,ok");

        byte[] invalid = {'a', 'b', (byte) 0xFF, 'c'};
        assertThat(RowText.decodeStrictly(invalid, invalid.length).invalidAt()).isEqualTo(2);
        byte[] overlongSlash = {'a', (byte) 0xC0, (byte) 0xAF};
        assertThat(RowText.decodeStrictly(overlongSlash, 3).isValid()).isFalse();
        byte[] encodedSurrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(RowText.decodeStrictly(encodedSurrogate, 3).isValid()).isFalse();
        byte[] cutSequence = {'a', (byte) 0xE2, (byte) 0x82};
        assertThat(RowText.decodeStrictly(cutSequence, 3).invalidAt()).isEqualTo(1);
    }

    @Test
    void control_characters_and_lone_surrogates_are_forbidden_and_pairs_are_not() {
        assertThat(RowText.firstForbidden("abc")).isEqualTo(-1);
        assertThat(RowText.firstForbidden("a\u0000b")).isEqualTo(1);
        assertThat(RowText.firstForbidden("a\tb")).isEqualTo(1);
        assertThat(RowText.firstForbidden("a\u0085")).isEqualTo(1);
        assertThat(RowText.firstForbidden("\u007F")).isZero();
        assertThat(RowText.firstForbidden("x\uD83D\uDE00y")).isEqualTo(-1);
        assertThat(RowText.firstForbidden("x\uD83Dy")).isEqualTo(1);
        assertThat(RowText.firstForbidden("\uDE00")).isZero();
    }

    @Test
    void the_printable_form_escapes_what_cannot_be_shown_and_is_capped() {
        assertThat(RowText.printable("\u0000bad-row\\x")).isEqualTo("\\x00bad-row\\\\x");
        assertThat(RowText.printable("a\uD800b\uD83D\uDE00")).isEqualTo("a\\uD800b\uD83D\uDE00");
        assertThat(RowText.printable("y".repeat(5000)))
                .startsWith("y".repeat(RowText.MAX_SHOWN)).endsWith("…[truncated, 5000 characters]");
        byte[] raw = {'o', 'k', (byte) 0xFF, 0};
        assertThat(RowText.printableRaw(raw, raw.length, raw.length)).isEqualTo("ok\uFFFD\\x00");
        assertThat(RowText.printableRaw(raw, raw.length, 1_000_000L)).endsWith("…[truncated, 1000000 bytes]");
    }
}
