package org.footprintledger.content.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.FeedbackComment;
import org.footprintledger.content.api.ItemReview;
import org.footprintledger.content.api.ItemStats;
import org.footprintledger.content.api.ModerationAction;
import org.footprintledger.content.api.RateContentCommand;
import org.footprintledger.content.api.RatingTarget;
import org.footprintledger.content.domain.FeedbackRules;
import org.footprintledger.content.domain.Usefulness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    private final BigDecimal reviewThreshold;
    private final long reviewMinRatings;

    JdbcCustomerFeedback(JdbcClient jdbc, RatingStore ratings, FeedbackStats stats, ContentViews views,
                         ContentMetrics metrics,
                         @Value("${footprint.content.review-threshold:0.4}") BigDecimal reviewThreshold,
                         @Value("${footprint.content.review-min-ratings:5}") long reviewMinRatings) {
        this.reviewThreshold = reviewThreshold;
        this.reviewMinRatings = reviewMinRatings;
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
    public List<ItemStats> trends(YearMonth from, YearMonth to) {
        if (from.isAfter(to) || from.plusMonths(24).isBefore(to)) {
            throw new ContentInputException("from", "a period of one to 24 months is required, got " + from + " to "
                    + to);
        }
        views.flush();
        List<ItemStats> all = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            all.addAll(stats.of(month.toString()));
        }
        return all;
    }

    @Override
    public List<ItemReview> review(YearMonth from, YearMonth to) {
        Map<Long, long[]> sums = new LinkedHashMap<>();
        Map<Long, ItemStats> names = new LinkedHashMap<>();
        for (ItemStats month : trends(from, to)) {
            long key = month.itemId() == null ? 0 : month.itemId();
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0] += month.yes();
            sum[1] += month.no();
            names.putIfAbsent(key, month);
        }
        List<ItemReview> reviews = new ArrayList<>();
        sums.forEach((key, sum) -> {
            ItemStats item = names.get(key);
            reviews.add(new ItemReview(item.itemId(), item.kind(), item.key(), sum[0], sum[1],
                    Usefulness.score(sum[0], sum[1]),
                    Usefulness.needsReview(sum[0], sum[1], reviewThreshold, reviewMinRatings)));
        });
        reviews.sort(Comparator.comparing((ItemReview r) -> !r.flagged()).thenComparing(ItemReview::usefulness));
        long flagged = reviews.stream().filter(ItemReview::flagged).count();
        if (flagged > 0) {
            log.info("{} item(s) below the usefulness threshold {} from {} to {}", flagged, reviewThreshold, from, to);
        }
        return reviews;
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
