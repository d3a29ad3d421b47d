package org.footprintledger.content.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Views per item and calendar month (Europe/Paris) of the view; item null is the customer page itself. */
@Repository
class ContentViews {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final JdbcClient jdbc;
    private final Clock clock;

    ContentViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(PARIS));
    }

    void countPage() {
        jdbc.sql("INSERT INTO content_view (item_id, month, views) VALUES (NULL, ?, 1) "
                        + "ON CONFLICT (COALESCE(item_id, 0), month) DO UPDATE SET views = content_view.views + 1")
                .param(currentMonth().toString()).update();
    }

    /**
     * One more view for each item named (an item named twice counts twice), in one statement that takes the rows in
     * item order: two pages counted at once then lock the shared rows in the same order and cannot deadlock.
     */
    void count(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO content_view (item_id, month, views) SELECT item_id, ?, count(*) "
                        + "FROM unnest(?::bigint[]) AS item_id GROUP BY item_id ORDER BY item_id "
                        + "ON CONFLICT (COALESCE(item_id, 0), month) "
                        + "DO UPDATE SET views = content_view.views + EXCLUDED.views")
                .params(currentMonth().toString(), itemIds.toArray(Long[]::new)).update();
    }
}
