package org.footprintledger.usage.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.RecordRejection;

/** Collects the outcome of each record of a batch: accepted, duplicate or rejected, exactly one each. */
public final class BatchOutcome {

    private int accepted;
    private int duplicates;
    private final List<RecordRejection> rejections = new ArrayList<>();

    private LocalDate newestAcceptedUsageDate;

    public void accepted(LocalDate usageDate) {
        accepted++;
        if (newestAcceptedUsageDate == null || usageDate.isAfter(newestAcceptedUsageDate)) {
            newestAcceptedUsageDate = usageDate;
        }
    }

    public LocalDate newestAcceptedUsageDate() {
        return newestAcceptedUsageDate;
    }

    public void duplicate() {
        duplicates++;
    }

    public void reject(RecordRejection rejection) {
        rejections.add(rejection);
    }

    public void reject(long index, String recordId, String field, String reason) {
        rejections.add(new RecordRejection(index, recordId, field, reason));
    }

    public IntakeReport report() {
        rejections.sort(Comparator.comparingLong(RecordRejection::index));
        return new IntakeReport(accepted, duplicates, rejections);
    }
}
