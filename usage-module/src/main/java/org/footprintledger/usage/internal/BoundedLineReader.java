package org.footprintledger.usage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream line by line as bytes, never holding more than {@code maxLineBytes} of a line: the rest of a longer
 * line is skipped (counted, not kept) and reading resumes at the next line. A read error (a truncated gzip) is thrown
 * only once every complete line before it was handed out; the partial line at the damage is not a line.
 */
final class BoundedLineReader {

    /** One line without its terminator ({@code \n}, or {@code \r\n}); {@code length} counts the skipped bytes too. */
    record Line(byte[] bytes, int kept, long length) {

        boolean tooLong() {
            return length > kept;
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] line;
    private int position;
    private int limit;
    private long bytesRead;
    private boolean ended;

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.line = new byte[maxLineBytes];
    }

    /** The bytes of the (expanded) stream handed out so far, lines and terminators. */
    long bytesRead() {
        return bytesRead - (limit - position);
    }

    /** The next line, or {@code null} at the end; a last line without a terminator is a line. */
    Line next() throws IOException {
        int kept = 0;
        long length = 0;
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    ended = true;
                    return length == 0 ? null : line(kept, length);
                }
            }
            int start = position;
            int newline = indexOfNewline(start);
            int end = newline < 0 ? limit : newline;
            int copy = (int) Math.min(end - start, line.length - kept);
            System.arraycopy(buffer, start, line, kept, copy);
            kept += copy;
            length += end - start;
            if (newline >= 0) {
                position = newline + 1;
                return line(kept, length);
            }
            position = limit;
        }
    }

    private Line line(int kept, long length) {
        // a CR before the LF belongs to the terminator
        if (kept == length && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            length--;
        }
        return new Line(Arrays.copyOf(line, kept), kept, length);
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        bytesRead += n;
        return true;
    }
}
