package org.footprintledger.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.footprintledger.content.api.FeedbackComment;
import org.footprintledger.content.api.RatingTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** "Was this useful?" answers with their comments and moderation flags (table {@code feedback_rating}). */
@Repository
class RatingStore {

    private static final String SELECT = "SELECT rating_id, subscriber_id, target, item_id, month, useful, comment, "
            + "hidden, flagged, created_at FROM feedback_rating ";
    /** How long the vote tally is reused by customer pages; a rating given on this node drops it at once. */
    private static final long VOTES_REUSED_NANOS = Duration.ofSeconds(60).toNanos();
    private final JdbcClient jdbc;
    private volatile TipVotes tipVotes;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record TipVotes(Map<Long, long[]> byTip, long countedAtNanos, long revision) {

        static TipVotes of(Map<Long, long[]> byTip) {
            long revision = 0;
            for (Map.Entry<Long, long[]> tip : byTip.entrySet()) {
                revision += (tip.getKey() * 1_000_003L + tip.getValue()[0]) * 31 + tip.getValue()[1];
            }
            return new TipVotes(Map.copyOf(byTip), System.nanoTime(), revision);
        }
    }

    long insert(String subscriberId, RatingTarget target, Long itemId, Integer itemVersion, String month,
                boolean useful, String comment) {
        forgetVotesOnCommit();
        return jdbc.sql("INSERT INTO feedback_rating (subscriber_id, target, item_id, item_version, month, useful, "
                        + "comment) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING rating_id")
                .params(subscriberId, target.name(), itemId, itemVersion, month, useful, comment)
                .query(Long.class).single();
    }

    /**
     * Every tip's yes and no votes, all months together, the basis of the usefulness ranking: one vote per subscriber
     * and tip, its latest answer, so that clicking "yes" again and again does not push a tip up. Counting them scans
     * every tip rating, and every customer page ranks its tips: the tally is reused for a minute (another node's
     * ratings show within that minute).
     */
    Map<Long, long[]> tipVotes() {
        return counted().byTip();
    }

    /** A change marker of the tally {@link #tipVotes} gives now: the same while the counts are the same. */
    long tipVotesRevision() {
        return counted().revision();
    }

    private TipVotes counted() {
        TipVotes counted = tipVotes;
        if (counted == null || System.nanoTime() - counted.countedAtNanos() > VOTES_REUSED_NANOS) {
            counted = TipVotes.of(countTipVotes());
            tipVotes = counted;
        }
        return counted;
    }

    private void forgetVotesOnCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tipVotes = null;
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                tipVotes = null;
            }
        });
    }

    private Map<Long, long[]> countTipVotes() {
        Map<Long, long[]> votes = new HashMap<>();
        jdbc.sql("SELECT item_id, count(*) FILTER (WHERE useful) AS yes, count(*) FILTER (WHERE NOT useful) AS no "
                        + "FROM (SELECT DISTINCT ON (subscriber_id, item_id) item_id, useful FROM feedback_rating "
                        + "WHERE target = 'TIP' ORDER BY subscriber_id, item_id, rating_id DESC) latest "
                        + "GROUP BY item_id")
                .query(rs -> {
                    votes.put(rs.getLong("item_id"), new long[] {rs.getLong("yes"), rs.getLong("no")});
                });
        return votes;
    }

    List<FeedbackComment> comments(String month, boolean includeHidden) {
        return jdbc.sql(SELECT + "WHERE month = ? AND comment IS NOT NULL" + (includeHidden ? "" : " AND NOT hidden")
                + " ORDER BY rating_id").param(month).query(RatingStore::comment).list();
    }

    Optional<FeedbackComment> find(long ratingId) {
        return jdbc.sql(SELECT + "WHERE rating_id = ?").param(ratingId).query(RatingStore::comment).optional();
    }

    void moderate(long ratingId, String column, boolean value, String editor) {
        jdbc.sql("UPDATE feedback_rating SET " + column + " = ?, moderated_by = ? WHERE rating_id = ?")
                .params(value, editor, ratingId).update();
    }

    private static FeedbackComment comment(ResultSet rs, int row) throws SQLException {
        // the page's comments have no item: read the id and ask whether it was null before reading anything else
        long id = rs.getLong("item_id");
        Long itemId = rs.wasNull() ? null : id;
        return new FeedbackComment(rs.getLong("rating_id"), rs.getString("subscriber_id"),
                RatingTarget.valueOf(rs.getString("target")), itemId, rs.getString("month"),
                rs.getBoolean("useful"), rs.getString("comment"), rs.getBoolean("hidden"), rs.getBoolean("flagged"),
                rs.getTimestamp("created_at").toInstant());
    }
}
