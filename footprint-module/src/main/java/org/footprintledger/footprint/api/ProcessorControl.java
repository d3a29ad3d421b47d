package org.footprintledger.footprint.api;

import java.util.Optional;

/** What ops do to the event processors of this node: replay one from the start, handle its dead letters again. */
public interface ProcessorControl {

    /**
     * Rebuilds the processor's read model: stops it on this node, resets its tokens to the start of the event store
     * (its reset handler empties the read model first), starts it again; it then replays every event. Empty when this
     * node has no such streaming processor.
     *
     * @throws LedgerConflictException while another node holds a claim of one of its segments (stop the other nodes
     *                                 first: a reset needs every claim); the processor is started again meanwhile
     */
    Optional<Replay> replay(String processorName);

    /**
     * Hands the dead letters of the group to their handlers again (the cause fixed), oldest sequence first, until
     * one fails again or none is left. Empty when the group has no dead-letter queue on this node.
     */
    Optional<DeadLetterRetry> retryDeadLetters(String processingGroup);

    record Replay(String processorName, int segments) {
    }

    /** Sequences handled this time, and the dead letters left (those that failed again, and those behind them). */
    record DeadLetterRetry(String processingGroup, long sequencesHandled, long deadLettersLeft) {
    }
}
