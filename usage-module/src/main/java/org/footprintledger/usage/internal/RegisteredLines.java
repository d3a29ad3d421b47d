package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.RegisteredLine;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lines whose registration is committed, kept in memory (least recently used first out). Safe on every node: a line's
 * subscriber and type never change once registered. Entries are added only after the registering transaction commits,
 * so a rolled-back registration is never remembered.
 */
@Component
class RegisteredLines {

    private final Map<String, RegisteredLine> lines;

    RegisteredLines(@Value("${footprint.intake.line-cache-size:500000}") int capacity) {
        this.lines = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RegisteredLine> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The lines of these ids that are known, in one pass under the lock (a batch names thousands). */
    synchronized Map<String, RegisteredLine> known(Collection<String> lineIds) {
        Map<String, RegisteredLine> known = new HashMap<>();
        for (String lineId : lineIds) {
            RegisteredLine line = lines.get(lineId);
            if (line != null) {
                known.put(lineId, line);
            }
        }
        return known;
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
    synchronized void forget(java.util.Collection<String> lineIds) {
        lineIds.forEach(lines::remove);
    }

    private synchronized void remember(Map<String, RegisteredLine> registered) {
        lines.putAll(registered);
    }
}
