package org.footprintledger.content.api;

import java.util.List;
import java.util.Optional;

/** What a customer sees with a statement line, and what an editor previews for a chosen subscriber. */
public interface CustomerContent {

    /**
     * What a customer is shown with the lines of a page, in the order given: each line's equivalences (bound to the
     * statement revision on first show, the binding reused afterwards) and, when {@code withTips}, its published tips
     * ranked by usefulness, without the tips whose saving rounds to 0 g. A bounded number of queries whatever the
     * number of lines. Counts one view per item returned; the counts reach the database off the request path.
     */
    List<LineContent> show(List<StatementLineRef> lines, boolean withTips);

    /** As {@link #show}, with drafts and versions in review included; binds nothing and counts nothing. */
    LineContent preview(StatementLineRef line);

    Optional<EquivalenceBinding> binding(String subscriberId, String month, String lineId, String statementRevision);

    /** The page's "was this useful?" view: counted once per page shown (written off the request path). */
    void countPageView();

    /**
     * Counts the views of content shown again without {@link #show} (a page kept and served again): one view per
     * equivalence and tip in {@code shown}, as {@code show} counts them.
     */
    void countShown(List<LineContent> shown);

    /**
     * A change marker of what {@link #show} and the survey give {@code subscriberId}: differs whenever a content
     * version changes status (submitted, published, retired), the survey changes or the subscriber answers it, or the
     * tips' usefulness ranking moves (recounted at most once a minute, at once for a rating given on this node).
     * Compare for equality only. One cheap read.
     */
    long revision(String subscriberId);
}
