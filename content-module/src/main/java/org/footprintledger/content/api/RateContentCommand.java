package org.footprintledger.content.api;

/**
 * A subscriber's "was this useful?" answer: about the page or a tip ({@code itemId} of the tip, null for the page),
 * yes or no, with an optional comment of at most 500 characters.
 */
public record RateContentCommand(String subscriberId, RatingTarget target, Long itemId, boolean useful,
                                 String comment) {
}
