package org.footprintledger.usage.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a feed row: strict UTF-8 decoding (invalid or overlong sequences and encoded surrogates are errors, not
 * replaced), the control characters a field may not hold, and the printable, capped form a stored rejection keeps.
 */
public final class RowText {

    /** The longest raw row a stored rejection keeps, in characters of its printable form. */
    static final int MAX_SHOWN = 1024;

    private RowText() {
    }

    /** The decoded text, or the 0-based byte offset of the first invalid sequence. */
    public record Decoded(String text, int invalidAt) {

        public boolean isValid() {
            return text != null;
        }
    }

    /** One strict decoder per thread: a decoder is not thread-safe, and making one per row cost the import time. */
    private static final ThreadLocal<CharsetDecoder> DECODERS = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    public static Decoded decodeStrictly(byte[] bytes, int length) {
        if (isAscii(bytes, length)) {
            // the common row: ASCII is valid UTF-8 byte for byte
            return new Decoded(new String(bytes, 0, length, StandardCharsets.US_ASCII), -1);
        }
        CharsetDecoder decoder = DECODERS.get().reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return new Decoded(null, in.position());
        }
        decoder.flush(out);
        return new Decoded(out.flip().toString(), -1);
    }

    private static boolean isAscii(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A character no field of the feed may hold: C0 and C1 controls, DEL, and a surrogate without its pair. */
    public static int firstForbidden(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** How a forbidden character is named in a reason: {@code \x00}, {@code \u0085}, {@code \uD800}. */
    public static String named(char c) {
        return c < 0x80 ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
    }

    /**
     * A printable form of any text: control characters and lone surrogates escaped ({@code \x00}), a backslash
     * doubled, capped at {@link #MAX_SHOWN} characters with a marker saying how long the original was.
     */
    public static String printable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder();
        return escape(value, shown) ? shown.toString()
                : shown.append("…[truncated, ").append(value.length()).append(" characters]").toString();
    }

    /**
     * The printable form of a raw line as read: decoded with U+FFFD for each undecodable byte, then escaped; a line
     * longer than what is shown says how many bytes it had.
     */
    public static String printableRaw(byte[] bytes, int kept, long length) {
        int readBytes = Math.min(kept, MAX_SHOWN * 4);
        StringBuilder shown = new StringBuilder();
        boolean whole = escape(new String(bytes, 0, readBytes, StandardCharsets.UTF_8), shown);
        return whole && readBytes == length ? shown.toString()
                : shown.append("…[truncated, ").append(length).append(" bytes]").toString();
    }

    /** Escapes into {@code shown}, at most {@link #MAX_SHOWN} characters; answers whether all of it fitted. */
    private static boolean escape(String value, StringBuilder shown) {
        for (int i = 0; i < value.length(); i++) {
            if (shown.length() >= MAX_SHOWN) {
                return false;
            }
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                shown.append(c).append(value.charAt(++i));
            } else if (c == '\\') {
                shown.append("\\\\");
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                shown.append(named(c));
            } else {
                shown.append(c);
            }
        }
        return true;
    }
}
