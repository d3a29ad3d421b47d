package org.footprintledger.content.api;

import java.time.YearMonth;
import java.util.List;

/** Customers' "was this useful?" ratings with their comments, and what editors see and moderate of them. */
public interface CustomerFeedback {

    /** Stores a rating; 400 for a comment over 500 characters, 404 for an unknown tip. Returns its id. */
    long rate(RateContentCommand command);

    /** Per item (and the page), the views, ratings and comments of the month. */
    List<ItemStats> stats(YearMonth month);

    /** The month's comments, hidden ones included when {@code includeHidden} (editors only). */
    List<FeedbackComment> comments(YearMonth month, boolean includeHidden);

    FeedbackComment moderate(long commentId, ModerationAction action, String editor);
}
