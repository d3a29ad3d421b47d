package org.footprintledger.content.api;

import java.util.Optional;

/** What a customer sees with a statement line, and what an editor previews for a chosen subscriber. */
public interface CustomerContent {

    /**
     * What a customer is shown: the line's equivalences (bound to the statement revision on first show, the binding
     * reused afterwards) and, when {@code withTips}, its published tips ranked by usefulness. Counts one view per
     * item returned.
     */
    LineContent show(StatementLineRef line, boolean withTips);

    /** As {@link #show}, with drafts and versions in review included; binds nothing and counts nothing. */
    LineContent preview(StatementLineRef line);

    Optional<EquivalenceBinding> binding(String subscriberId, String month, String lineId, String statementRevision);

    /** The page's "was this useful?" view: counted once per page shown. */
    void countPageView();
}
