package org.footprintledger.content.api;

/**
 * The retention rule of customers' comments: a comment is deleted once it was written longer ago than
 * {@code footprint.retention.comments} (default P24M); the rating it came with stays, so tallies are unchanged.
 * Run each night with the other retention rules ({@code footprint.retention.cron}).
 */
public interface CommentRetention {

    /** Deletes the expired comments now; how many. */
    long purgeExpired();
}
