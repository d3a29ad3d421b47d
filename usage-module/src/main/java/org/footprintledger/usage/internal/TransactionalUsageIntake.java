package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.IntakeRules;
import org.footprintledger.usage.domain.RegisteredLine;

import org.footprintledger.usage.domain.UsageRecord;
import org.footprintledger.usage.domain.ValidationOutcome;
import org.footprintledger.usage.domain.BatchOutcome;
import org.footprintledger.usage.domain.UsageRecordValidator;
import org.footprintledger.usage.domain.LineMonthBudget;
import org.footprintledger.usage.domain.LedgerFacts;
import org.footprintledger.usage.domain.LineMonth;

import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.footprintledger.footprint.api.LineUsageFact;
import org.footprintledger.footprint.api.ClosedMonths;
import org.footprintledger.usage.api.IntakeFailedException;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.RecordRejection;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch in one database transaction: the raw records, the line registry, the line-month totals and, for months
 * whose close is recorded, the batch's late usage for the ledger (one fact per line and month, in the outbox) commit
 * together or not at all, so a crash never leaves records counted without their totals or ledger fact or the reverse.
 * The month close states an open month's totals in the ledger; the {@link LedgerFeeder} moves late usage into it.
 */
@Service
class TransactionalUsageIntake implements UsageIntake {

    private static final Logger log = LoggerFactory.getLogger(TransactionalUsageIntake.class);
    private static final int MAX_ATTEMPTS = 5;

    private final UsageRecordValidator validator;
    private final UsageRecordStore store;
    private final LedgerOutbox outbox;
    private final LineMonthTotals lineMonthTotals;
    private final ClosedMonths closedMonths;
    private final TransactionTemplate transactions;
    private final IntakeMetrics metrics;
    private final IntakeActivity activity;

    TransactionalUsageIntake(Clock clock, UsageRecordStore store, LedgerOutbox outbox, LineMonthTotals lineMonthTotals,
                             ClosedMonths closedMonths, TransactionTemplate transactions, IntakeMetrics metrics,
                             IntakeActivity activity) {
        this.lineMonthTotals = lineMonthTotals;
        this.closedMonths = closedMonths;
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
        boolean lockFirst = false;
        boolean arbitrated = false;
        for (int attempt = 1; ; attempt++) {
            AtomicBoolean committing = new AtomicBoolean();
            BatchOutcome outcome;
            boolean lockingFirst = lockFirst;
            boolean arbitrating = arbitrated;
            try {
                outcome = transactions.execute(tx -> {
                    BatchOutcome decided = submitInTransaction(submissions, batchId, lockingFirst, arbitrating);
                    committing.set(true);
                    return decided;
                });
            } catch (LineMonthsNeedLocking e) {
                log.info("batch {}: a line-month nears the physical maximum, deciding again on its locked totals",
                        batchId);
                lockFirst = true;
                attempt--;
                continue;
            } catch (UsageRecordStore.IdsStoredAlready e) {
                log.debug("batch {}: a record id is stored already, deciding again with arbitrated inserts", batchId);
                arbitrated = true;
                attempt--;
                continue;
            } catch (RuntimeException e) {
                if (attempt < MAX_ATTEMPTS && isConcurrencyConflict(e)) {
                    metrics.recordRetry();
                    log.info("batch {}: lock conflict with a concurrent batch, retrying (attempt {})", batchId,
                            attempt + 1);
                    continue;
                }
                // before the commit, or a commit the server refused: rolled back, nothing stored; a connection lost
                // during the commit: unknown
                throw new IntakeFailedException(committing.get() && isConnectionLoss(e), e);
            }
            // committed: nothing after this line may turn the answer into an error
            IntakeReport report = outcome.report();
            try {
                metrics.recordBatch(feed, report, outcome.newestAcceptedUsageDate());
            } catch (RuntimeException e) {
                log.warn("batch {}: stored, but its metrics could not be recorded: {}", batchId, e.toString());
            }
            log.debug("batch {}: {} accepted, {} duplicates, {} rejected", batchId, report.accepted(),
                    report.duplicates(), report.rejected().size());
            return report;
        }
    }

    private static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decides the batch and stores it. A batch adds its usage to the line-month totals at its end, in one statement,
     * holding their rows only from there to its commit; when that or the batch's own usage takes a line-month past
     * the physical maximum, it is rolled back ({@link LineMonthsNeedLocking}) and decided again with the totals
     * locked and read first ({@code lockFirst}), which refuses exactly the records past the maximum, in order. Its
     * records are stored by COPY; when one of their ids is stored already, it is rolled back
     * ({@link UsageRecordStore.IdsStoredAlready}) and decided again with {@code arbitrated} inserts, which store the
     * new ids only.
     */
    private BatchOutcome submitInTransaction(List<UsageRecordSubmission> submissions, String batchId,
                                             boolean lockFirst, boolean arbitrated) {
        BatchOutcome outcome = new BatchOutcome();
        Map<String, ValidationOutcome> unique = IntakeRules.uniqueValidRecords(submissions, validator, outcome);
        Map<String, RegisteredLine> lines = store.registerLines(
                unique.values().stream().map(ValidationOutcome::record).toList());
        List<ValidationOutcome> onKnownLines = IntakeRules.ofRetainedMonths(
                IntakeRules.onCoherentLines(unique.values(), lines, outcome), store.purgedMonths(), outcome);
        Set<String> inserted = store.insertNew(onKnownLines.stream().map(ValidationOutcome::record).toList(), batchId,
                arbitrated);
        List<ValidationOutcome> stored = onKnownLines.stream()
                .filter(c -> inserted.contains(c.record().recordId())).toList();
        Map<String, UsageRecord> replaced = IntakeRules.latestOf(store.findByIds(stored.stream()
                .map(c -> c.record().replaces()).filter(Objects::nonNull).toList(),
                IntakeRules.monthsAround(stored.stream().map(ValidationOutcome::record).toList())));
        LineMonthBudget budget = new LineMonthBudget(lockFirst
                ? lineMonthTotals.lockBytes(lineMonthsOf(stored, replaced)) : new HashMap<>());
        // on unlocked totals a refusal by the maximum rolls the batch back, so every replacement that passes its
        // checks supersedes its target: all of them in one statement; on locked totals, one by one in the loop
        Replacements replacements = lockFirst ? Replacements.oneByOne(store)
                : Replacements.claimedAtOnce(store, stored, replaced);
        LedgerFacts facts = new LedgerFacts();
        List<ValidationOutcome> alreadyStored = new ArrayList<>();
        List<UsageRecord> refused = new ArrayList<>();
        for (ValidationOutcome candidate : onKnownLines) {
            UsageRecord record = candidate.record();
            if (!inserted.contains(record.recordId())) {
                alreadyStored.add(candidate);
                continue;
            }
            UsageRecord target = record.replaces() == null ? null : replaced.get(record.replaces());
            RecordRejection refusal = refusalOf(candidate, target, budget, replacements);
            if (refusal != null) {
                if (!lockFirst && !budget.fits(record, target)) {
                    throw new LineMonthsNeedLocking();
                }
                outcome.reject(refusal);
                refused.add(record);
                continue;
            }
            if (target != null) {
                facts.subtract(target);
                budget.subtract(target);
            }
            facts.add(record);
            budget.add(record);
            outcome.accepted(record.usageDate());
        }
        store.delete(refused);
        // a record left out collided in its own month or across a boundary with the month next to it
        IntakeRules.classifyAlreadyStored(alreadyStored, store.findByIds(
                alreadyStored.stream().map(c -> c.record().recordId()).toList(),
                IntakeRules.monthsAround(alreadyStored.stream().map(ValidationOutcome::record).toList())), outcome);
        List<LineUsageFact> lineMonthFacts = facts.toFacts();
        if (lockFirst) {
            lineMonthTotals.add(lineMonthFacts);
        } else if (!lineMonthTotals.addWithinTheMaximum(lineMonthFacts)) {
            throw new LineMonthsNeedLocking();
        }
        Set<YearMonth> closed = lineMonthFacts.isEmpty() ? Set.of() : closedMonths.recordedHoldingOffCloses();
        outbox.append(batchId, lineMonthFacts.stream().filter(fact -> closed.contains(fact.month())).toList());
        return outcome;
    }

    /** Each line-month the batch touches, with a record of it (its subscriber and line type open a new total). */
    private static Map<LineMonth, UsageRecord> lineMonthsOf(List<ValidationOutcome> stored,
                                                                             Map<String, UsageRecord> replaced) {
        Map<LineMonth, UsageRecord> lineMonths = new HashMap<>();
        stored.forEach(c -> lineMonths.put(LineMonth.of(c.record()), c.record()));
        replaced.values().forEach(r -> lineMonths.put(LineMonth.of(r), r));
        return lineMonths;
    }




    /**
     * Why a stored record is refused after all, or null: a replacement whose target is unknown, on another line or
     * already replaced (the target is marked superseded when it is not), or a record past its line-month's maximum.
     */
    private RecordRejection refusalOf(ValidationOutcome candidate, UsageRecord target, LineMonthBudget budget,
                                      Replacements replacements) {
        UsageRecord record = candidate.record();
        String problem = record.replaces() == null ? null : IntakeRules.replacementProblem(record, target);
        if (problem != null) {
            return new RecordRejection(candidate.index(), record.recordId(), "replaces", problem);
        }
        if (!budget.fits(record, target)) {
            return new RecordRejection(candidate.index(), record.recordId(), budget.fieldAtFault(record, target),
                    budget.reason(record, target));
        }
        if (target != null && !replacements.supersede(target, record)) {
            return new RecordRejection(candidate.index(), record.recordId(), "replaces", "record "
                    + record.replaces() + " is already replaced by "
                    + store.supersedingRecordOf(record.replaces()).orElse("another record"));
        }
        return null;
    }





    /** The batch must be decided again on locked line-month totals: it rolls back what it wrote. */
    private static final class LineMonthsNeedLocking extends RuntimeException {
        LineMonthsNeedLocking() {
            super(null, null, false, false);
        }
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
