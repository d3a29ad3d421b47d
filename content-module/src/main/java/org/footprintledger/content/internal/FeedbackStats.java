package org.footprintledger.content.internal;

import java.util.List;
import org.footprintledger.content.api.ItemStats;
import org.footprintledger.content.domain.Usefulness;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per item and month: views, yes/no ratings, visible and hidden comments; the page itself has no item id. */
@Repository
class FeedbackStats {

    private final JdbcClient jdbc;

    FeedbackStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ItemStats> of(String month) {
        return jdbc.sql("""
                        WITH v AS (SELECT COALESCE(item_id, 0) AS k, views FROM content_view WHERE month = :month),
                             r AS (SELECT COALESCE(item_id, 0) AS k,
                                          count(*) FILTER (WHERE useful) AS yes,
                                          count(*) FILTER (WHERE NOT useful) AS no,
                                          count(comment) FILTER (WHERE NOT hidden) AS comments,
                                          count(comment) FILTER (WHERE hidden) AS hidden_comments
                                   FROM feedback_rating WHERE month = :month GROUP BY COALESCE(item_id, 0))
                        SELECT COALESCE(v.k, r.k) AS k, i.kind, i.item_key, COALESCE(v.views, 0) AS views,
                               COALESCE(r.yes, 0) AS yes, COALESCE(r.no, 0) AS no,
                               COALESCE(r.comments, 0) AS comments, COALESCE(r.hidden_comments, 0) AS hidden_comments
                        FROM v FULL JOIN r ON v.k = r.k
                        LEFT JOIN content_item i ON i.item_id = COALESCE(v.k, r.k)
                        ORDER BY COALESCE(v.k, r.k)""")
                .param("month", month)
                .query((rs, row) -> {
                    long k = rs.getLong("k");
                    long yes = rs.getLong("yes");
                    long no = rs.getLong("no");
                    return new ItemStats(k == 0 ? null : k, k == 0 ? "PAGE" : rs.getString("kind"),
                            k == 0 ? null : rs.getString("item_key"), month, rs.getLong("views"), yes, no,
                            rs.getLong("comments"), rs.getLong("hidden_comments"), Usefulness.score(yes, no));
                })
                .list();
    }
}
