package org.footprintledger.usage.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.Map;
import org.footprintledger.usage.domain.RegisteredLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lines whose registration is committed, kept in memory (a bounded cache: the least used go first once it is full).
 * Safe on every node: a line's subscriber and type never change once registered. Entries are added only after the
 * registering transaction commits, so a rolled-back registration is never remembered. Reads take no lock: every batch
 * of every feed looks up each of its lines here, side by side (a map in access order under one lock cost the JSON
 * endpoint a tenth of its request threads' time, in IngestionBenchmark).
 */
@Component
class RegisteredLines {

    private final Cache<String, RegisteredLine> lines;

    RegisteredLines(@Value("${footprint.intake.line-cache-size:500000}") int capacity) {
        this.lines = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /** The lines of these ids that are known. */
    Map<String, RegisteredLine> known(Collection<String> lineIds) {
        return lines.getAllPresent(lineIds);
    }

    void rememberAfterCommit(Map<String, RegisteredLine> registered) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            remember(registered);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(registered);
            }
        });
    }

    /** Drops lines whose registration changed (an erasure re-keys them to the subscriber's key). */
    void forget(Collection<String> lineIds) {
        lines.invalidateAll(lineIds);
    }

    private void remember(Map<String, RegisteredLine> registered) {
        lines.putAll(registered);
    }
}
