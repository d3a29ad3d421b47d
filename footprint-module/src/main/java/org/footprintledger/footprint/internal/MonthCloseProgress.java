package org.footprintledger.footprint.internal;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** How far the month closes running on this node are: the month's ledgers, and those whose page has committed. */
@Component
class MonthCloseProgress {

    record Running(long total, AtomicLong done) {
    }

    private final Map<YearMonth, Running> running = new ConcurrentHashMap<>();

    void started(YearMonth month, long total) {
        running.put(month, new Running(total, new AtomicLong()));
    }

    void pageCommitted(YearMonth month, long ledgers) {
        Running close = running.get(month);
        if (close != null) {
            close.done().addAndGet(ledgers);
        }
    }

    void ended(YearMonth month) {
        running.remove(month);
    }

    Running of(YearMonth month) {
        return running.get(month);
    }
}
