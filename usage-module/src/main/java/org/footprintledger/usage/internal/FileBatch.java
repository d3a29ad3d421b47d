package org.footprintledger.usage.internal;

import java.util.ArrayList;
import java.util.List;
import org.footprintledger.usage.api.UsageRecordSubmission;

/** Up to one intake batch of a file's rows, with the file line number and text of each, and the rows malformed. */
final class FileBatch {
    private final List<UsageRecordSubmission> submissions = new ArrayList<>();
    private final List<Long> lineNumbers = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<ImportRejection> malformed = new ArrayList<>();
    private final int capacity;
    private long rowsRead;

    FileBatch(int capacity) {
        this.capacity = capacity;
    }

    void add(FileRow row) {
        rowsRead++;
        if (row.malformed() != null) {
            malformed.add(row.malformed());
            return;
        }
        submissions.add(row.submission());
        lineNumbers.add(row.lineNumber());
        lines.add(row.text());
    }

    List<UsageRecordSubmission> submissions() {
        return submissions;
    }

    List<Long> lineNumbers() {
        return lineNumbers;
    }

    List<String> lines() {
        return lines;
    }

    List<ImportRejection> malformed() {
        return malformed;
    }

    long rowsRead() {
        return rowsRead;
    }

    boolean isFull() {
        return submissions.size() + malformed.size() >= capacity;
    }
}
