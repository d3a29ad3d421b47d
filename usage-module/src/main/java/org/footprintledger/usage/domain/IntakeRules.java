package org.footprintledger.usage.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.footprintledger.usage.api.UsageRecordSubmission;

/**
 * The intake's decisions on one batch, free of storage: what the store answered goes in, each record's outcome
 * (accepted, duplicate or rejected with its field and reason) goes into the batch's {@link BatchOutcome}.
 */
public final class IntakeRules {

    private IntakeRules() {
    }

    /** Validates each submission; a record id seen twice in one batch is a duplicate or a conflict. */
    public static Map<String, ValidationOutcome> uniqueValidRecords(List<UsageRecordSubmission> submissions,
                                                                    UsageRecordValidator validator,
                                                                    BatchOutcome outcome) {
        Map<String, ValidationOutcome> unique = new LinkedHashMap<>();
        LocalDate today = validator.today();
        for (int i = 0; i < submissions.size(); i++) {
            ValidationOutcome validated = validator.validate(i, submissions.get(i), today);
            if (!validated.isValid()) {
                outcome.reject(validated.rejection());
                continue;
            }
            ValidationOutcome first = unique.putIfAbsent(validated.record().recordId(), validated);
            if (first == null) {
                continue;
            }
            if (first.record().sameContentAs(validated.record())) {
                outcome.duplicate();
            } else {
                outcome.reject(i, validated.record().recordId(), "record_id",
                        "conflicts with record " + first.index() + " of the same batch: same id, other content");
            }
        }
        return unique;
    }

    /** A line belongs to one subscriber and has one line type for ever; records that say otherwise are refused. */
    public static List<ValidationOutcome> onCoherentLines(Collection<ValidationOutcome> candidates,
                                                          Map<String, RegisteredLine> lines, BatchOutcome outcome) {
        List<ValidationOutcome> coherent = new ArrayList<>();
        for (ValidationOutcome candidate : candidates) {
            UsageRecord record = candidate.record();
            RegisteredLine line = lines.get(record.lineId());
            if (!line.subscriberId().equals(record.subscriberId())) {
                // a line re-keyed by an erasure names the erased subscriber's key ('~…', never an id): not said
                outcome.reject(candidate.index(), record.recordId(), "subscriber_id", "line " + record.lineId()
                        + (line.subscriberId().startsWith("~") ? " belonged to an erased subscriber"
                        : " belongs to subscriber " + line.subscriberId()));
            } else if (line.lineType() != record.lineType()) {
                outcome.reject(candidate.index(), record.recordId(), "line_type",
                        "line " + record.lineId() + " is a " + line.lineType() + " line");
            } else {
                coherent.add(candidate);
            }
        }
        return coherent;
    }

    /** A month whose records the retention rule dropped takes no new record: its detail is not kept any more. */
    public static List<ValidationOutcome> ofRetainedMonths(List<ValidationOutcome> candidates,
                                                           Map<YearMonth, Instant> purged, BatchOutcome outcome) {
        if (purged.isEmpty()) {
            return candidates;
        }
        List<ValidationOutcome> kept = new ArrayList<>();
        for (ValidationOutcome candidate : candidates) {
            Instant droppedAt = purged.get(candidate.record().month());
            if (droppedAt == null) {
                kept.add(candidate);
            } else {
                outcome.reject(candidate.index(), candidate.record().recordId(), "usage_date",
                        "the records of " + candidate.record().month() + " were purged by the retention rule on "
                                + droppedAt + "; that month takes no new record");
            }
        }
        return kept;
    }

    /** Why a re-rated record cannot replace its target (unknown, on another line), or null. */
    public static String replacementProblem(UsageRecord record, UsageRecord target) {
        if (target == null) {
            return "record " + record.replaces() + " is unknown: send it before its replacement";
        }
        if (!target.lineId().equals(record.lineId())) {
            return "record " + record.replaces() + " is on line " + target.lineId() + ", not " + record.lineId();
        }
        return null;
    }

    /**
     * Records the store left out because their id was taken: a duplicate when a stored record with the id has the
     * same content, else a conflict.
     */
    public static void classifyAlreadyStored(List<ValidationOutcome> alreadyStored,
                                             Map<String, List<UsageRecord>> storedWithTheirIds,
                                             BatchOutcome outcome) {
        for (ValidationOutcome candidate : alreadyStored) {
            List<UsageRecord> earlier = storedWithTheirIds.getOrDefault(candidate.record().recordId(), List.of());
            if (earlier.stream().anyMatch(e -> e.sameContentAs(candidate.record()))) {
                outcome.duplicate();
            } else {
                outcome.reject(candidate.index(), candidate.record().recordId(), "record_id",
                        "conflicts with a record received earlier with the same id and other content");
            }
        }
    }

    /** Months apart an id may name two records: a replacement is for the latest one (versions oldest first). */
    public static Map<String, UsageRecord> latestOf(Map<String, List<UsageRecord>> versions) {
        Map<String, UsageRecord> latest = new HashMap<>();
        versions.forEach((id, records) -> {
            if (!records.isEmpty()) {
                latest.put(id, records.get(records.size() - 1));
            }
        });
        return latest;
    }

    /** The months of these records and the month either side of each: where their ids are looked for first. */
    public static Set<YearMonth> monthsAround(List<UsageRecord> records) {
        Set<YearMonth> months = new TreeSet<>();
        for (UsageRecord record : records) {
            months.add(record.month().minusMonths(1));
            months.add(record.month());
            months.add(record.month().plusMonths(1));
        }
        return months;
    }
}
