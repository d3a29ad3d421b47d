package org.footprintledger.portal.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.footprintledger.content.api.ContentPersonalData;
import org.footprintledger.footprint.api.PersonalDataLog;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.footprintledger.usage.api.UsagePersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a subscriber (GDPR art. 17), each module its own data through its own api, all in one transaction with the
 * log entry that records it: the ledger module forgets the id's key, its lines' keys and its devices (re-keying first
 * the streams an earlier release wrote under the id), the usage module
 * deletes the raw records and rejected rows and re-keys its lines and totals to the keys (the subscriber's and its
 * lines'), the content module deletes comments and bindings and
 * anonymises ratings and survey answers. The ledger's streams stay under the key: totals, averages, simulations and
 * chains are unchanged. Metric {@code personal_data_erasures_total}; the log line names the key, never the id.
 */
@Service
public class PersonalDataErasure {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);

    private final SubscriberKeys keys;
    private final UsagePersonalData usage;
    private final ContentPersonalData content;
    private final PersonalDataLog personalDataLog;
    private final TransactionTemplate transaction;
    private final Counter erasures;

    PersonalDataErasure(SubscriberKeys keys, UsagePersonalData usage, ContentPersonalData content,
                        PersonalDataLog personalDataLog, PlatformTransactionManager transactions,
                        MeterRegistry metrics) {
        this.keys = keys;
        this.usage = usage;
        this.content = content;
        this.personalDataLog = personalDataLog;
        this.transaction = new TransactionTemplate(transactions);
        this.erasures = Counter.builder("personal_data.erasures")
                .description("Subscribers erased (their personal data deleted or anonymised)").register(metrics);
    }

    /** What one erasure did: the log entry that records it and the counts per kind. */
    public record Erasure(long logEntry, Map<String, Long> erased) {
    }

    /**
     * @throws NothingToEraseException when nothing is held under that id (never known, or erased already)
     * @throws org.footprintledger.footprint.api.ErasureRefusedException when a stream of an earlier release, to be
     *                                                                    re-keyed first, does not verify
     */
    public Erasure erase(String subscriberId, String reason, String requestedBy) {
        PersonalDataLog.Entry entry = transaction.execute(tx -> {
            SubscriberKeys.Erased ledger = keys.erase(subscriberId);
            // a subscriber known to the usage module only (its month not closed yet) gets a key now, unmapped
            String key = ledger.key().orElseGet(() -> keys.unmappedKey());
            Map<String, Long> erased = new LinkedHashMap<>();
            erased.put("subscriber_key", ledger.key().isPresent() ? 1L : 0L);
            erased.put("devices", ledger.devices());
            erased.put("streams_rekeyed", ledger.streamsRekeyed());
            // its lines are re-keyed to their ledger keys; a line the ledger never named gets a fresh key, unmapped
            Map<String, String> lineKeys = new HashMap<>(ledger.lineKeys());
            erased.put("line_keys", (long) lineKeys.size());
            erased.putAll(usage.erase(subscriberId, key,
                    lineId -> lineKeys.computeIfAbsent(lineId, id -> keys.unmappedKey())));
            erased.putAll(content.erase(subscriberId, keys.unmappedKey()));
            if (erased.values().stream().allMatch(count -> count == 0)) {
                tx.setRollbackOnly();
                return null;
            }
            return personalDataLog.record(PersonalDataLog.Kind.ERASURE, key, requestedBy, reason, erased);
        });
        if (entry == null) {
            throw new NothingToEraseException(subscriberId);
        }
        erasures.increment();
        log.info("personal data of subscriber key {} erased by {} (log entry {}): {}", entry.subjectKey(),
                requestedBy, entry.entryId(), entry.counts());
        return new Erasure(entry.entryId(), entry.counts());
    }
}
