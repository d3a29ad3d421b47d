package org.footprintledger.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    @Test
    void lines_end_at_lf_or_crlf_and_a_last_line_without_terminator_is_a_line() throws IOException {
        assertThat(texts(reader("a,b\r\nc\n\nd", 64))).containsExactly("a,b", "c", "", "d");
    }

    @Test
    void a_line_longer_than_the_limit_is_cut_and_counted_and_reading_resumes_at_the_next_line() throws IOException {
        // a 300 MB line never held in memory: the reader keeps 256 bytes of it
        InputStream huge = new InputStream() {
            private long left = 300_000_000L;
            private boolean tailSent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left > 0) {
                    int n = (int) Math.min(len, left);
                    Arrays.fill(b, off, off + n, (byte) 'x');
                    left -= n;
                    return n;
                }
                if (!tailSent) {
                    tailSent = true;
                    byte[] tail = "\nnext\n".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(tail, 0, b, off, tail.length);
                    return tail.length;
                }
                return -1;
            }
        };
        BoundedLineReader reader = new BoundedLineReader(huge, 256);

        BoundedLineReader.Line first = reader.next();
        assertThat(first.tooLong()).isTrue();
        assertThat(first.kept()).isEqualTo(256);
        assertThat(first.length()).isEqualTo(300_000_000L);
        assertThat(new String(reader.next().bytes(), StandardCharsets.US_ASCII)).isEqualTo("next");
        assertThat(reader.next()).isNull();
        assertThat(reader.bytesRead()).isEqualTo(300_000_006L);
    }

    @Test
    void a_truncated_gzip_hands_out_every_complete_line_before_the_damage_then_fails() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append("row-").append(i).append(",").append(i * 7919L % 100_003).append('\n');
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        }
        byte[] truncated = Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2);
        // what a tolerant decoder can get out of the damaged stream: the reference for "complete rows"
        ByteArrayOutputStream decodable = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(truncated))) {
            byte[] buffer = new byte[1];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                decodable.write(buffer, 0, n);
            }
        } catch (EOFException expected) {
            // the end of what could be decoded
        }
        long completeLines = decodable.toString(StandardCharsets.US_ASCII).chars().filter(c -> c == '\n').count();

        BoundedLineReader reader = new BoundedLineReader(new GZIPInputStream(new ByteArrayInputStream(truncated)), 64);
        List<String> read = new ArrayList<>();
        assertThatThrownBy(() -> {
            for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                read.add(new String(line.bytes(), StandardCharsets.US_ASCII));
            }
        }).isInstanceOf(EOFException.class);

        assertThat(completeLines).isGreaterThan(1000);
        assertThat(read).hasSize((int) completeLines);
        assertThat(read.get(read.size() - 1)).isEqualTo("row-" + (completeLines - 1) + ","
                + (completeLines - 1) * 7919L % 100_003);
    }

    private static BoundedLineReader reader(String text, int max) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    private static List<String> texts(BoundedLineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(new String(line.bytes(), StandardCharsets.UTF_8));
        }
        return lines;
    }
}
