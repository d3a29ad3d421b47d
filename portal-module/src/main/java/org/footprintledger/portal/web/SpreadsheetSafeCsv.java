package org.footprintledger.portal.web;

import java.util.List;

/**
 * CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a comma, a quote or a line break,
 * quotes doubled) whose cells a spreadsheet cannot take for a formula: a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is prefixed with a single quote (OWASP "CSV injection"). Numbers
 * are written by the caller as plain decimals; a negative number would be prefixed too, and exports here have none.
 */
final class SpreadsheetSafeCsv {

    private final StringBuilder text = new StringBuilder();

    SpreadsheetSafeCsv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    SpreadsheetSafeCsv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String cell = value.toString();
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            cell = '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
