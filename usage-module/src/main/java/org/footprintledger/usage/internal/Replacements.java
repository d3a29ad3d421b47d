package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.IntakeRules;
import org.footprintledger.usage.domain.UsageRecord;
import org.footprintledger.usage.domain.ValidationOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a batch marks the records its re-rated records replace as superseded. A target is superseded once: by the
 * first record of the batch that replaces it (in the batch's order), unless a batch committed before already did.
 * {@link #claimedAtOnce} supersedes every target of the batch in one statement before the batch decides, which is
 * exact when any refusal by the physical maximum rolls the whole batch back (the intake then decides again with
 * {@link #oneByOne}, one statement per replacement, in order, each only if the record is not refused).
 */
abstract class Replacements {

    /** Whether {@code record} superseded {@code target} (false: the target was already superseded). */
    abstract boolean supersede(UsageRecord target, UsageRecord record);

    static Replacements oneByOne(UsageRecordStore store) {
        return new Replacements() {
            @Override
            boolean supersede(UsageRecord target, UsageRecord record) {
                return store.supersede(target, record.recordId());
            }
        };
    }

    /**
     * Supersedes, in one statement, the target of each stored record that replaces a known record of its own line
     * ({@link IntakeRules#replacementProblem} finds nothing), the first such record of the batch per target.
     */
    static Replacements claimedAtOnce(UsageRecordStore store, List<ValidationOutcome> stored,
                                      Map<String, UsageRecord> targets) {
        Map<UsageRecordStore.RecordKey, String> claimant = new LinkedHashMap<>();
        for (ValidationOutcome candidate : stored) {
            UsageRecord record = candidate.record();
            UsageRecord target = record.replaces() == null ? null : targets.get(record.replaces());
            if (target != null && IntakeRules.replacementProblem(record, target) == null) {
                UsageRecordStore.RecordKey key = UsageRecordStore.RecordKey.of(target);
                claimant.putIfAbsent(key, record.recordId());
            }
        }
        Set<UsageRecordStore.RecordKey> superseded = store.supersedeAll(claimant);
        return new Replacements() {
            @Override
            boolean supersede(UsageRecord target, UsageRecord record) {
                UsageRecordStore.RecordKey key = UsageRecordStore.RecordKey.of(target);
                return superseded.contains(key) && record.recordId().equals(claimant.get(key));
            }
        };
    }
}
