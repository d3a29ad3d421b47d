package org.footprintledger.usage.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the intake is doing on this node, so the ledger feeder can stay out of its way. While a file import runs, the
 * feeder waits: the facts of a whole file then reach the ledger summed per line and month (one event per line-month
 * instead of one per batch), and the two do not compete for the same cores. While API batches keep arriving (the last
 * one less than {@code quiet-period} ago), the feeder waits too, but never longer than {@code max-deferral} after the
 * oldest waiting fact: under sustained API load the statements lag by at most that much.
 */
@Component
class IntakeActivity {

    private final AtomicInteger importsRunning = new AtomicInteger();
    private final AtomicLong lastBatchNanos = new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());
    private final Duration quietPeriod;
    private final Duration maxDeferral;

    IntakeActivity(@Value("${footprint.ledger-feeder.quiet-period:PT1S}") Duration quietPeriod,
                   @Value("${footprint.ledger-feeder.max-deferral:PT60S}") Duration maxDeferral) {
        this.quietPeriod = quietPeriod;
        this.maxDeferral = maxDeferral;
    }

    void importStarted() {
        importsRunning.incrementAndGet();
    }

    void importFinished() {
        importsRunning.decrementAndGet();
    }

    void batchTaken() {
        lastBatchNanos.set(System.nanoTime());
    }

    boolean anyImportRunning() {
        return importsRunning.get() > 0;
    }

    /** Whether the feeder should wait, given how long the oldest waiting fact has waited. */
    boolean feederShouldWait(Duration oldestFactAge) {
        if (anyImportRunning()) {
            return true;
        }
        boolean batchesArriving = System.nanoTime() - lastBatchNanos.get() < quietPeriod.toNanos();
        return batchesArriving && oldestFactAge.compareTo(maxDeferral) < 0;
    }
}
