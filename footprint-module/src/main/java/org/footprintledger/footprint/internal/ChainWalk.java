package org.footprintledger.footprint.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.footprintledger.footprint.api.LedgerChain;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LedgerIntegrity.BrokenLink;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainHead;

/**
 * A walk over stored ledger events, stream after stream, each in sequence order: each event's hash must match its
 * content and its link the previous event's hash (the first event links to the genesis hash), sequences without gaps.
 * Keeps the first broken link of each subscriber and, when asked, where each stream's chain ends.
 */
final class ChainWalk {

    final List<BrokenLink> broken = new ArrayList<>();
    private final Set<String> brokenSubscribers = new HashSet<>();
    private final Map<String, ChainHead> heads;
    long streams;
    long events;
    private String ledgerId;
    private String previousHash;
    private long expectedSequence;

    ChainWalk(boolean keepHeads) {
        this.heads = keepHeads ? new LinkedHashMap<>() : null;
    }

    /** The head of every stream walked (only when kept), in walk order. */
    List<ChainHead> heads() {
        return heads == null ? List.of() : List.copyOf(heads.values());
    }

    void next(String streamId, long sequence, String eventId, Supplier<Object> payload) {
        events++;
        if (!streamId.equals(ledgerId)) {
            streams++;
            ledgerId = streamId;
            previousHash = LedgerChain.GENESIS;
            expectedSequence = 0;
        }
        String subscriberId = LedgerIds.subscriberOf(streamId);
        String problem = problemOf(sequence, payload);
        expectedSequence = sequence + 1;
        if (heads != null) {
            heads.put(streamId, new ChainHead(streamId, sequence, previousHash));
        }
        if (problem != null && brokenSubscribers.add(subscriberId)) {
            broken.add(new BrokenLink(subscriberId, streamId, sequence, eventId, problem));
        }
    }

    private String problemOf(long sequence, Supplier<Object> payload) {
        if (sequence != expectedSequence) {
            String gap = "sequence " + sequence + " follows " + (expectedSequence - 1) + ": events are missing";
            expectedSequence = sequence;
            return gap;
        }
        Object event;
        try {
            event = payload.get();
        } catch (RuntimeException e) {
            return "the stored payload cannot be read: " + e.getMessage();
        }
        if (!(event instanceof LedgerChain.Chained chained)) {
            return "not a chained ledger event: " + event.getClass().getSimpleName();
        }
        String expectedLink = previousHash;
        previousHash = chained.hash();
        if (chained.hash() == null) {
            return "the event carries no hash (written before the chain existed, or stripped)";
        }
        if (!expectedLink.equals(chained.previousHash())) {
            return "the event links to " + chained.previousHash() + " but the previous event's hash is "
                    + expectedLink;
        }
        if (!chained.hashMatchesContent()) {
            return "the event's content does not match its hash: it was altered after it was written";
        }
        return null;
    }
}
