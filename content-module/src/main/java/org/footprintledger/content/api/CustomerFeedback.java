package org.footprintledger.content.api;

import java.time.YearMonth;
import java.util.List;

/** Customers' "was this useful?" ratings with their comments, and what editors see and moderate of them. */
public interface CustomerFeedback {

    /** Stores a rating; 400 for a comment over 500 characters, 404 for an unknown tip. Returns its id. */
    long rate(RateContentCommand command);

    /** Per item (and the page), the views, ratings and comments of the month. */
    List<ItemStats> stats(YearMonth month);

    /** Per item (and the page) and month from {@code from} to {@code to}: the month's stats, oldest month first. */
    List<ItemStats> trends(YearMonth from, YearMonth to);

    /**
     * Per item rated from {@code from} to {@code to}: the ratings summed over the period, the usefulness score and
     * whether it falls below the review threshold ({@code footprint.content.review-threshold}, over at least
     * {@code footprint.content.review-min-ratings} ratings), the flagged ones first.
     */
    List<ItemReview> review(YearMonth from, YearMonth to);

    /** The month's comments, hidden ones included when {@code includeHidden} (editors only). */
    List<FeedbackComment> comments(YearMonth month, boolean includeHidden);

    FeedbackComment moderate(long commentId, ModerationAction action, String editor);
}
