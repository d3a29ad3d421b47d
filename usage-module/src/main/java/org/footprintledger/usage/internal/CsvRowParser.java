package org.footprintledger.usage.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of the feed into fields, RFC 4180 style: fields may be quoted, a quote inside a quoted field is
 * doubled. The feed's values never hold a line break, so a row is one line and broken quoting stays within its row.
 */
final class CsvRowParser {

    private CsvRowParser() {
    }

    static List<String> parse(String line) {
        List<String> fields = new ArrayList<>(10);
        StringBuilder field = new StringBuilder();
        int i = 0;
        int length = line.length();
        while (true) {
            if (i < length && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= length) {
                        throw new MalformedRowException("broken quoting: a quoted field is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < length && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < length && line.charAt(i) != ',') {
                    throw new MalformedRowException("broken quoting: text after a closing quote at column "
                            + (fields.size() + 1));
                }
            } else {
                while (i < length && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new MalformedRowException("broken quoting: a quote inside an unquoted field at column "
                                + (fields.size() + 1));
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= length) {
                return fields;
            }
            i++; // the comma
        }
    }

    static final class MalformedRowException extends RuntimeException {
        MalformedRowException(String message) {
            super(message);
        }
    }
}
