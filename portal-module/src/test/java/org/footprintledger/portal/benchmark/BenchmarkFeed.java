package org.footprintledger.portal.benchmark;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.footprintledger.usage.api.UsageRecordSubmission;

/** A feed file in the contract's CSV columns, written month by month and subscriber by subscriber. */
final class BenchmarkFeed {

    /** Writes the rows of one subscriber in one month; returns how many. */
    interface Rows {
        int write(Writer out, YearMonth month, int subscriber) throws IOException;
    }

    private BenchmarkFeed() {
    }

    static long write(Path feed, YearMonth first, int months, int subscribers, Rows rows) throws IOException {
        long written = 0;
        try (Writer out = Files.newBufferedWriter(feed)) {
            out.write(UsageRecordSubmission.CSV_HEADER);
            out.write('\n');
            for (int m = 0; m < months; m++) {
                for (int s = 0; s < subscribers; s++) {
                    written += rows.write(out, first.plusMonths(m), s);
                }
            }
        }
        return written;
    }
}
