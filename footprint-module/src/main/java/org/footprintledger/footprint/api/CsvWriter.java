package org.footprintledger.footprint.api;

import java.io.IOException;
import java.io.Writer;

/**
 * The one writer of every CSV the product serves (rejected rows today, data exports later), in the base module every
 * other module uses. Cells are quoted per RFC 4180 when they hold a comma, a quote or a line break (a quote doubled),
 * and a cell a spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, TAB or
 * CR) is prefixed with a single quote, so it shows as text. Rows end with CRLF (RFC 4180).
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one row; a {@code null} cell is empty. */
    public void row(Object... cells) throws IOException {
        StringBuilder row = new StringBuilder(64);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells[i] == null ? "" : cells[i].toString()));
        }
        out.write(row.append("\r\n").toString());
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** One cell as written: neutralised, then quoted when needed. */
    public static String cell(String value) {
        String text = runsAsFormula(value) ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static boolean runsAsFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
