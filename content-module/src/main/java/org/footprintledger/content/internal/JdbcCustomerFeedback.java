package org.footprintledger.content.internal;

import java.time.YearMonth;
import java.util.List;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.FeedbackComment;
import org.footprintledger.content.api.ItemStats;
import org.footprintledger.content.api.ModerationAction;
import org.footprintledger.content.api.RateContentCommand;
import org.footprintledger.content.api.RatingTarget;
import org.footprintledger.content.domain.FeedbackRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ratings with their comments, the editors' monthly stats and the moderation of comments. */
@Service
class JdbcCustomerFeedback implements CustomerFeedback {

    private static final Logger log = LoggerFactory.getLogger(JdbcCustomerFeedback.class);
    private final JdbcClient jdbc;
    private final RatingStore ratings;
    private final FeedbackStats stats;
    private final ContentViews views;
    private final ContentMetrics metrics;

    JdbcCustomerFeedback(JdbcClient jdbc, RatingStore ratings, FeedbackStats stats, ContentViews views,
                         ContentMetrics metrics) {
        this.jdbc = jdbc;
        this.ratings = ratings;
        this.stats = stats;
        this.views = views;
        this.metrics = metrics;
    }

    @Override
    @Transactional
    public long rate(RateContentCommand command) {
        if (command.target() == null) {
            throw new ContentInputException("target", "required: PAGE or TIP");
        }
        String comment = FeedbackRules.comment(command.comment());
        Long itemId = null;
        Integer version = null;
        if (command.target() == RatingTarget.TIP) {
            if (command.itemId() == null) {
                throw new ContentInputException("itemId", "required for a rating of a tip");
            }
            itemId = command.itemId();
            version = jdbc.sql("SELECT MAX(v.version) FROM content_version v JOIN content_item i USING (item_id) "
                            + "WHERE i.item_id = ? AND i.kind = ? AND v.status = 'PUBLISHED'")
                    .params(itemId, ContentKind.TIP.name()).query(Integer.class).optional()
                    .orElseThrow(() -> new ContentNotFoundException("no published tip " + command.itemId()));
        }
        long id = ratings.insert(command.subscriberId(), command.target(), itemId, version,
                views.currentMonth().toString(), command.useful(), comment);
        metrics.rating(command.target(), command.useful(), 1);
        if (comment != null) {
            metrics.feedback("comment", 1);
        }
        log.info("rating {} by {}: {} {} useful={} comment={}", id, command.subscriberId(), command.target(),
                itemId, command.useful(), comment != null);
        return id;
    }

    @Override
    public List<ItemStats> stats(YearMonth month) {
        views.flush();
        return stats.of(month.toString());
    }

    @Override
    public List<FeedbackComment> comments(YearMonth month, boolean includeHidden) {
        return ratings.comments(month.toString(), includeHidden);
    }

    @Override
    @Transactional
    public FeedbackComment moderate(long commentId, ModerationAction action, String editor) {
        ratings.find(commentId).orElseThrow(() -> new ContentNotFoundException("no comment " + commentId));
        switch (action) {
            case HIDE -> ratings.moderate(commentId, "hidden", true, editor);
            case SHOW -> ratings.moderate(commentId, "hidden", false, editor);
            case FLAG -> ratings.moderate(commentId, "flagged", true, editor);
            case UNFLAG -> ratings.moderate(commentId, "flagged", false, editor);
        }
        metrics.moderated(action.name());
        log.info("comment {} {} by {}", commentId, action, editor);
        return ratings.find(commentId).orElseThrow();
    }
}
