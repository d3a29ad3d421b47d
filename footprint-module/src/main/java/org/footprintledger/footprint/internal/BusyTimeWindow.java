package org.footprintledger.footprint.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Processing time added up over a sliding window of whole seconds: {@link #busyShare()} is the time spent in the
 * window divided by its length (1.0 = one thread busy all the time; two busy threads give 2.0).
 */
final class BusyTimeWindow {

    private final Clock clock;
    private final int seconds;
    private final AtomicLongArray second;
    private final AtomicLongArray nanos;

    BusyTimeWindow(Clock clock, Duration window) {
        this.clock = clock;
        this.seconds = (int) Math.max(1, window.toSeconds());
        this.second = new AtomicLongArray(seconds);
        this.nanos = new AtomicLongArray(seconds);
    }

    void add(long busyNanos) {
        long now = clock.millis() / 1000;
        int slot = (int) (now % seconds);
        long slotSecond = second.get(slot);
        if (slotSecond != now && second.compareAndSet(slot, slotSecond, now)) {
            nanos.set(slot, 0);
        }
        nanos.addAndGet(slot, busyNanos);
    }

    double busyShare() {
        long now = clock.millis() / 1000;
        long total = 0;
        for (int slot = 0; slot < seconds; slot++) {
            if (now - second.get(slot) < seconds) {
                total += nanos.get(slot);
            }
        }
        return total / (seconds * 1e9);
    }
}
