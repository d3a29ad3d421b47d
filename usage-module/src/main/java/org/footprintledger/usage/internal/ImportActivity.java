package org.footprintledger.usage.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * File imports running on this node. While one runs, the ledger feeder waits: the facts of a whole file then reach the
 * ledger summed per line and month (one event per line-month instead of one per batch), and the two do not compete
 * for the same cores. Statements lag by at most the duration of the import.
 */
@Component
class ImportActivity {

    private final AtomicInteger running = new AtomicInteger();

    void started() {
        running.incrementAndGet();
    }

    void finished() {
        running.decrementAndGet();
    }

    boolean anyRunning() {
        return running.get() > 0;
    }
}
