package org.footprintledger.content.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.footprintledger.content.api.AnswerSurveyCommand;
import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.FeedbackComment;
import org.footprintledger.content.api.ItemStats;
import org.footprintledger.content.api.ModerationAction;
import org.footprintledger.content.api.PublishSurveyCommand;
import org.footprintledger.content.api.RateContentCommand;
import org.footprintledger.content.api.RatingTarget;
import org.footprintledger.content.api.Survey;
import org.footprintledger.content.api.SurveyOffer;
import org.footprintledger.content.domain.FeedbackRules;
import org.footprintledger.content.domain.SafeMarkdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ratings, comments, the quarterly survey and the moderation of comments. */
@Service
class JdbcCustomerFeedback implements CustomerFeedback {

    private static final Logger log = LoggerFactory.getLogger(JdbcCustomerFeedback.class);
    private final JdbcClient jdbc;
    private final RatingStore ratings;
    private final SurveyStore surveys;
    private final FeedbackStats stats;
    private final ContentViews views;
    private final ContentMetrics metrics;

    JdbcCustomerFeedback(JdbcClient jdbc, RatingStore ratings, SurveyStore surveys, FeedbackStats stats,
                         ContentViews views, ContentMetrics metrics) {
        this.jdbc = jdbc;
        this.ratings = ratings;
        this.surveys = surveys;
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
    public SurveyOffer surveyFor(String subscriberId) {
        String quarter = quarter();
        return new SurveyOffer(surveys.current(), quarter, !surveys.answered(subscriberId, quarter));
    }

    @Override
    @Transactional
    public void answerSurvey(AnswerSurveyCommand command) {
        Survey current = surveys.current();
        if (command.surveyVersion() != current.version()) {
            throw new ContentConflictException("survey version " + command.surveyVersion()
                    + " is not the current one (" + current.version() + ")");
        }
        FeedbackRules.ratings(command.ratings(), current.questions().size());
        String quarter = quarter();
        if (!surveys.insert(command.subscriberId(), quarter, current.version(), command.ratings())) {
            throw new ContentConflictException("the survey was already answered in " + quarter
                    + "; it is offered once a quarter");
        }
        metrics.feedback("survey", 1);
        log.info("survey version {} answered by {} for {}", current.version(), command.subscriberId(), quarter);
    }

    @Override
    @Transactional
    public Survey publishSurvey(PublishSurveyCommand command, String editor) {
        List<String> fr = command.questionsFr();
        if (fr == null || fr.isEmpty() || fr.size() > 5) {
            throw new ContentInputException("questionsFr", "one to five French questions required");
        }
        List<String> en = command.questionsEn() == null || command.questionsEn().isEmpty() ? null
                : command.questionsEn();
        if (en != null && en.size() != fr.size()) {
            throw new ContentInputException("questionsEn", "as many English questions as French ones, or none");
        }
        for (int i = 0; i < fr.size(); i++) {
            question("questionsFr[" + i + "]", fr.get(i), true);
            question("questionsEn[" + i + "]", en == null ? null : en.get(i), false);
        }
        int version = surveys.publish(fr.stream().map(String::strip).toList(),
                en == null ? null : en.stream().map(q -> q == null || q.isBlank() ? null : q.strip()).toList(),
                editor);
        log.info("survey version {} published by {}", version, editor);
        return surveys.current();
    }

    @Override
    public List<ItemStats> stats(YearMonth month) {
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

    private String quarter() {
        return FeedbackRules.quarterOf(LocalDate.now(views.clock().withZone(ContentViews.PARIS)));
    }

    private static void question(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new ContentInputException(field, "required");
            }
            return;
        }
        if (text.length() > 300) {
            throw new ContentInputException(field, "at most 300 characters");
        }
        SafeMarkdown.validate(field, text);
    }
}
