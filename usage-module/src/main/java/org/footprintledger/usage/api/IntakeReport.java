package org.footprintledger.usage.api;

import java.util.List;

/** The outcome of one batch: every record submitted is counted exactly once in one of the three outcomes. */
public record IntakeReport(int accepted, int duplicates, List<RecordRejection> rejected) {

    public IntakeReport {
        rejected = List.copyOf(rejected);
    }
}
