package org.footprintledger.usage.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch in one database transaction: the raw records, the line registry and the batch's ledger facts (one per
 * line and month, in the outbox) commit together or not at all, so a crash never leaves records counted without their
 * ledger fact or the reverse. The {@link LedgerFeeder} moves the facts into the ledger.
 */
@Service
class TransactionalUsageIntake implements UsageIntake {

    private static final Logger log = LoggerFactory.getLogger(TransactionalUsageIntake.class);
    private static final int MAX_ATTEMPTS = 5;

    private final UsageRecordValidator validator;
    private final UsageRecordStore store;
    private final LedgerOutbox outbox;
    private final TransactionTemplate transactions;
    private final IntakeMetrics metrics;
    private final IntakeActivity activity;

    TransactionalUsageIntake(Clock clock, UsageRecordStore store, LedgerOutbox outbox,
                             TransactionTemplate transactions, IntakeMetrics metrics, IntakeActivity activity) {
        this.validator = new UsageRecordValidator(clock);
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.metrics = metrics;
        this.activity = activity;
    }

    @Override
    public IntakeReport submit(List<UsageRecordSubmission> submissions, String feed) {
        if (submissions.size() > MAX_INTERNAL_BATCH_SIZE) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_INTERNAL_BATCH_SIZE + " records");
        }
        String batchId = UUID.randomUUID().toString();
        activity.batchTaken();
        for (int attempt = 1; ; attempt++) {
            try {
                BatchOutcome outcome = transactions.execute(tx -> submitInTransaction(submissions, batchId));
                IntakeReport report = outcome.report();
                metrics.recordBatch(feed, report, outcome.newestAcceptedUsageDate());
                log.debug("batch {}: {} accepted, {} duplicates, {} rejected", batchId, report.accepted(),
                        report.duplicates(), report.rejected().size());
                return report;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !isConcurrencyConflict(e)) {
                    throw e;
                }
                metrics.recordRetry();
                log.info("batch {}: lock conflict with a concurrent batch, retrying (attempt {})", batchId,
                        attempt + 1);
            }
        }
    }

    private BatchOutcome submitInTransaction(List<UsageRecordSubmission> submissions, String batchId) {
        BatchOutcome outcome = new BatchOutcome();
        Map<String, ValidationOutcome> unique = uniqueValidRecords(submissions, outcome);
        List<ValidationOutcome> onKnownLines = keepRecordsOfRetainedMonths(
                keepRecordsOnCoherentLines(unique, outcome), outcome);
        Set<String> inserted = store.insertNew(onKnownLines.stream().map(ValidationOutcome::record).toList(), batchId);
        LedgerFacts facts = new LedgerFacts();
        List<ValidationOutcome> alreadyStored = new ArrayList<>();
        for (ValidationOutcome candidate : onKnownLines) {
            if (!inserted.contains(candidate.record().recordId())) {
                alreadyStored.add(candidate);
            } else if (candidate.record().replaces() == null || supersede(candidate, facts, outcome)) {
                facts.add(candidate.record());
                outcome.accepted(candidate.record().usageDate());
            }
        }
        classifyAlreadyStored(alreadyStored, outcome);
        outbox.append(facts.toCommands(batchId));
        return outcome;
    }

    /** Validates each submission; a record id seen twice in one batch is a duplicate or a conflict. */
    private Map<String, ValidationOutcome> uniqueValidRecords(List<UsageRecordSubmission> submissions,
                                                              BatchOutcome outcome) {
        Map<String, ValidationOutcome> unique = new LinkedHashMap<>();
        java.time.LocalDate today = validator.today();
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
    private List<ValidationOutcome> keepRecordsOnCoherentLines(Map<String, ValidationOutcome> unique,
                                                               BatchOutcome outcome) {
        Map<String, UsageRecordStore.KnownLine> lines = store.registerLines(
                unique.values().stream().map(ValidationOutcome::record).toList());
        List<ValidationOutcome> coherent = new ArrayList<>();
        for (ValidationOutcome candidate : unique.values()) {
            UsageRecord record = candidate.record();
            UsageRecordStore.KnownLine line = lines.get(record.lineId());
            if (!line.subscriberId().equals(record.subscriberId())) {
                outcome.reject(candidate.index(), record.recordId(), "subscriber_id",
                        "line " + record.lineId() + " belongs to subscriber " + line.subscriberId());
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
    private List<ValidationOutcome> keepRecordsOfRetainedMonths(List<ValidationOutcome> candidates,
                                                                BatchOutcome outcome) {
        Map<java.time.YearMonth, java.time.Instant> purged = store.purgedMonths();
        if (purged.isEmpty()) {
            return candidates;
        }
        List<ValidationOutcome> kept = new ArrayList<>();
        for (ValidationOutcome candidate : candidates) {
            java.time.Instant droppedAt = purged.get(candidate.record().month());
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

    /** Applies a re-rated record: the record it replaces stops counting. Refused (and unstored) if it cannot. */
    private boolean supersede(ValidationOutcome candidate, LedgerFacts facts, BatchOutcome outcome) {
        UsageRecord record = candidate.record();
        List<UsageRecord> versions = store.findByIds(List.of(record.replaces()), monthsAround(List.of(record)))
                .getOrDefault(record.replaces(), List.of());
        // months apart an id may name two records: the replacement is for the latest one
        UsageRecord target = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        String problem = null;
        if (target == null) {
            problem = "record " + record.replaces() + " is unknown: send it before its replacement";
        } else if (!target.lineId().equals(record.lineId())) {
            problem = "record " + record.replaces() + " is on line " + target.lineId() + ", not " + record.lineId();
        } else if (!store.supersede(target, record.recordId())) {
            problem = "record " + record.replaces() + " is already replaced by "
                    + store.supersedingRecordOf(record.replaces()).orElse("another record");
        }
        if (problem != null) {
            store.delete(record);
            outcome.reject(candidate.index(), record.recordId(), "replaces", problem);
            return false;
        }
        facts.subtract(target);
        return true;
    }

    private void classifyAlreadyStored(List<ValidationOutcome> alreadyStored, BatchOutcome outcome) {
        // a record left out collided in its own month or across a boundary with the month next to it
        Map<String, List<UsageRecord>> stored = store.findByIds(
                alreadyStored.stream().map(c -> c.record().recordId()).toList(),
                monthsAround(alreadyStored.stream().map(ValidationOutcome::record).toList()));
        for (ValidationOutcome candidate : alreadyStored) {
            List<UsageRecord> earlier = stored.getOrDefault(candidate.record().recordId(), List.of());
            if (earlier.stream().anyMatch(e -> e.sameContentAs(candidate.record()))) {
                outcome.duplicate();
            } else {
                outcome.reject(candidate.index(), candidate.record().recordId(), "record_id",
                        "conflicts with a record received earlier with the same id and other content");
            }
        }
    }

    /** The months of these records and the month either side of each. */
    private static java.util.Set<java.time.YearMonth> monthsAround(List<UsageRecord> records) {
        java.util.Set<java.time.YearMonth> months = new java.util.TreeSet<>();
        for (UsageRecord record : records) {
            months.add(record.month().minusMonths(1));
            months.add(record.month());
            months.add(record.month().plusMonths(1));
        }
        return months;
    }

    private static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyFailureException) {
                return true;
            }
        }
        return false;
    }
}
