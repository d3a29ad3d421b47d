package org.footprintledger.content.api;

import java.time.Instant;
import java.util.List;

/**
 * The equivalences chosen for one statement line, kept for ever: keyed by subscriber, month, line and the statement
 * revision supplied by the caller (a corrected figure is a new revision, hence a new binding).
 */
public record EquivalenceBinding(
        String subscriberId,
        String month,
        String lineId,
        String statementRevision,
        List<ChosenEquivalence> equivalences,
        Instant boundAt) {
}
