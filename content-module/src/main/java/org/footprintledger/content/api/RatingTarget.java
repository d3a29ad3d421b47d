package org.footprintledger.content.api;

/** What a "was this useful?" answer is about: the customer page as a whole, or one tip. */
public enum RatingTarget {
    PAGE,
    TIP
}
