package org.footprintledger.content.api;

import java.util.Map;

/**
 * Erasure of what the content module holds of a subscriber, in the caller's transaction (ADR 0013): its comments and
 * the equivalences bound to its statement lines are deleted; its ratings and survey answers stay under an anonymous
 * marker, so that rating tallies, rankings and survey results are unchanged and nothing names the id any more.
 */
public interface ContentPersonalData {

    /** What was deleted or anonymised, by kind ({@code comments}, {@code ratings_anonymised}, …). */
    Map<String, Long> erase(String subscriberId, String anonymousMarker);
}
