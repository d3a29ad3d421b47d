package org.footprintledger.content.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The change marker of the content a customer is shown, from PostgreSQL's row versions: every write of a row gives it
 * a new {@code xmin} (the writing transaction's id), so the count and the sum of the {@code xmin}s of the content
 * versions (their status: submitted, published, retired), of the survey versions and of the subscriber's survey
 * answers change with any write, on whichever node. The versions are a few hundred rows; the answers are read by
 * their key (subscriber, quarter).
 */
@Component
class ContentRevisions {

    private static final String ROWS = "count(*) * 1000003 + coalesce(sum(xmin::text::bigint), 0)";
    private static final String SQL = "SELECT ((SELECT " + ROWS + " FROM content_version) * 31 "
            + "+ (SELECT " + ROWS + " FROM survey_version)) * 31 "
            + "+ (SELECT " + ROWS + " FROM survey_answer WHERE subscriber_id = ?)";

    private final JdbcClient jdbc;

    ContentRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long of(String subscriberId) {
        return jdbc.sql(SQL).param(subscriberId).query(Long.class).single();
    }
}
