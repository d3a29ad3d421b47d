package org.footprintledger.content.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Views per item and calendar month (Europe/Paris) of the view; item 0 in memory, null in the table, is the customer
 * page itself. A page view only adds to counters in memory; they are written every few seconds
 * ({@code footprint.content.views-flush-interval}, milliseconds), on shutdown and before the statistics are read, in
 * one statement per flush: the request path never writes.
 */
@Repository
class ContentViews {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Logger log = LoggerFactory.getLogger(ContentViews.class);
    private static final long PAGE = 0L;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Pending, LongAdder> pending = new ConcurrentHashMap<>();

    ContentViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Views not yet written: which item (0 the page) in which month. */
    private record Pending(long itemId, String month) {
    }

    Clock clock() {
        return clock;
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(PARIS));
    }

    void countPage() {
        add(PAGE, 1);
    }

    /** One more view for each item named (an item named twice counts twice). */
    void count(Collection<Long> itemIds) {
        itemIds.forEach(itemId -> add(itemId, 1));
    }

    private void add(long itemId, long views) {
        pending.computeIfAbsent(new Pending(itemId, currentMonth().toString()), k -> new LongAdder()).add(views);
    }

    /**
     * Writes the counted views in one statement that takes the rows in item order (two nodes flushing at once lock
     * the shared rows in the same order and cannot deadlock). Views counted while it runs wait for the next flush;
     * views it could not write are put back.
     */
    @Scheduled(fixedDelayString = "${footprint.content.views-flush-interval:5000}")
    @PreDestroy
    synchronized void flush() {
        List<Pending> keys = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (Pending key : List.copyOf(pending.keySet())) {
            LongAdder adder = pending.remove(key);
            long views = adder == null ? 0 : adder.sumThenReset();
            if (views > 0) {
                keys.add(key);
                counts.add(views);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO content_view (item_id, month, views) "
                            + "SELECT NULLIF(item_id, 0), month, views FROM unnest(?::bigint[], ?::text[], ?::bigint[]) "
                            + "AS v(item_id, month, views) ORDER BY item_id, month "
                            + "ON CONFLICT (COALESCE(item_id, 0), month) "
                            + "DO UPDATE SET views = content_view.views + EXCLUDED.views")
                    .params(keys.stream().map(Pending::itemId).toArray(Long[]::new),
                            keys.stream().map(Pending::month).toArray(String[]::new), counts.toArray(Long[]::new))
                    .update();
        } catch (DataAccessException e) {
            for (int i = 0; i < keys.size(); i++) {
                pending.computeIfAbsent(keys.get(i), k -> new LongAdder()).add(counts.get(i));
            }
            log.warn("Content views not written, kept for the next flush ({} counters): {}", keys.size(),
                    e.getMessage());
        }
    }
}
