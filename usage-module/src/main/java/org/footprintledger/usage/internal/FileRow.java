package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.RowText;

import java.util.List;
import org.footprintledger.usage.api.UsageRecordSubmission;

/**
 * One line of the file, parsed once: a submission for the intake (with its text, shown if the intake rejects
 * it), or why it is not even a row of the feed (too long, not UTF-8, a control character, not CSV of its shape).
 */
record FileRow(long lineNumber, UsageRecordSubmission submission, String text, ImportRejection malformed) {

    private static final int COLUMNS = UsageRecordSubmission.CSV_COLUMNS.size();

    static FileRow parse(long lineNumber, BoundedLineReader.Line line, int maxLineBytes) {
        if (line.tooLong()) {
            return malformed(lineNumber, null, "the line is " + line.length() + " bytes long; the limit is "
                    + maxLineBytes + " (footprint.import.max-line-length)", line);
        }
        RowText.Decoded decoded = RowText.decodeStrictly(line.bytes(), line.kept());
        if (!decoded.isValid()) {
            return malformed(lineNumber, null, "not valid UTF-8: an invalid byte sequence at byte "
                    + (decoded.invalidAt() + 1) + " of the line", line);
        }
        String text = decoded.text();
        List<String> fields;
        try {
            fields = CsvRowParser.parse(text);
        } catch (CsvRowParser.MalformedRowException e) {
            return malformed(lineNumber, null, e.getMessage(), line);
        }
        for (int column = 0; column < fields.size(); column++) {
            int at = RowText.firstForbidden(fields.get(column));
            if (at >= 0) {
                String where = column < COLUMNS ? "field " + UsageRecordSubmission.CSV_COLUMNS.get(column)
                        : "column " + (column + 1);
                return malformed(lineNumber, fields.get(0), "a control character "
                        + RowText.named(fields.get(column).charAt(at)) + " in " + where, line);
            }
        }
        if (fields.size() != COLUMNS) {
            return malformed(lineNumber, fields.get(0), "expected " + COLUMNS + " columns, got " + fields.size(),
                    line);
        }
        return new FileRow(lineNumber, new UsageRecordSubmission(fields.get(0), fields.get(1), fields.get(2),
                fields.get(3), fields.get(4), fields.get(5), fields.get(6), fields.get(7), fields.get(8),
                fields.get(9)), text, null);
    }

    private static FileRow malformed(long lineNumber, String recordId, String reason, BoundedLineReader.Line line) {
        return new FileRow(lineNumber, null, null, ImportRejection.of(lineNumber, recordId,
                IntakeMetrics.MALFORMED_ROW, reason, RowText.printableRaw(line.bytes(), line.kept(),
                        line.length())));
    }

    /** A re-rated record: stored only after every row before it (a malformed row goes anywhere). */
    boolean isReplacing() {
        return submission != null && !submission.replaces().isEmpty();
    }
}
