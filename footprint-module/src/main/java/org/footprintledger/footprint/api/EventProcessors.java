package org.footprintledger.footprint.api;

import java.util.List;

/**
 * The tracking event processors as the token store sees them (every node's claims, not only this node's): which node
 * holds which segment, how far its token is, and how many events of the store it still has to handle.
 */
public interface EventProcessors {

    /** Every segment of every processor, by processor name then segment. */
    List<Segment> segments();

    /** The events parked in the dead-letter queue of each processing group that has any. */
    List<DeadLetters> deadLetters();

    /**
     * @param owner    the node holding the claim (footprint.node-name), null when no node holds it
     * @param claimedAt when the owner last extended its claim (Axon's timestamp, ISO-8601)
     * @param position the global index the token has reached, null before its first event
     * @param head     the global index of the newest event in the store
     * @param behind   events stored after the token's position
     */
    record Segment(String processorName, int segment, String owner, String claimedAt, Long position, long head,
                   long behind) {
    }

    record DeadLetters(String processingGroup, long count, String oldestCause) {
    }
}
