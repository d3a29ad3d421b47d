package org.footprintledger.content.api;

import java.time.YearMonth;
import java.util.List;

/** Customers' feedback: ratings with comments, the quarterly survey; and what editors see of it. */
public interface CustomerFeedback {

    /** Stores a rating; 400 for a comment over 500 characters, 404 for an unknown tip. Returns its id. */
    long rate(RateContentCommand command);

    SurveyOffer surveyFor(String subscriberId);

    /** 409 when the subscriber already answered this quarter; 400 for a rating outside 1..5 or a wrong count. */
    void answerSurvey(AnswerSurveyCommand command);

    Survey publishSurvey(PublishSurveyCommand command, String editor);

    /** Per item (and the page), the views, ratings and comments of the month. */
    List<ItemStats> stats(YearMonth month);

    /** The month's comments, hidden ones included when {@code includeHidden} (editors only). */
    List<FeedbackComment> comments(YearMonth month, boolean includeHidden);

    FeedbackComment moderate(long commentId, ModerationAction action, String editor);
}
