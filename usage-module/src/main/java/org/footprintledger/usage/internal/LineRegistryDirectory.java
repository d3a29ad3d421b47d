package org.footprintledger.usage.internal;

import org.footprintledger.usage.api.SubscriberDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Subscribers as known from the line registry fed by the usage records. */
@Component
class LineRegistryDirectory implements SubscriberDirectory {

    private final JdbcTemplate jdbc;

    LineRegistryDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isKnown(String subscriberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM usage_line WHERE subscriber_id = ?)", Boolean.class, subscriberId));
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(DISTINCT subscriber_id) FROM usage_line", Long.class);
        return count == null ? 0 : count;
    }
}
