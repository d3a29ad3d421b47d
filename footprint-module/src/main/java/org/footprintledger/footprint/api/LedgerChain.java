package org.footprintledger.footprint.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The tamper-evident chain of a ledger stream: each event carries SHA-256(previous event's hash | its own content), the
 * first event of a stream chaining to {@link #GENESIS}. Altering an event breaks its own hash; rewriting its hash too
 * breaks the next event's link.
 */
public final class LedgerChain {

    public static final String GENESIS = "0".repeat(64);

    private LedgerChain() {
    }

    public static String link(String previousHash, String content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '|');
            return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** An event of a ledger stream: its content (everything but the two hashes) and its place in the chain. */
    public interface Chained {

        String ledgerId();

        String subscriberId();

        String previousHash();

        String hash();

        String chainContent();

        default boolean hashMatchesContent() {
            return hash() != null && previousHash() != null && hash().equals(link(previousHash(), chainContent()));
        }

        /**
         * This event under other ledger names: its stream, its subscriber key, and each line it names by
         * {@code lineKeyOf} its key; every figure as it was; linked to {@code previousHash}.
         */
        Chained rekeyed(String ledgerId, String subscriberKey, UnaryOperator<String> lineKeyOf, String previousHash);
    }

    /**
     * The events of one stream (in sequence order) under other ledger names, chained again from {@link #GENESIS}:
     * what a stream written under a subscriber's id becomes under its key. Refused for a stream whose chain does not
     * hold as it is: relinking it would hide the break.
     *
     * @throws IllegalArgumentException when an event's hash does not match its content or its link
     */
    public static List<Chained> rekeyed(List<? extends Chained> stream, String ledgerId, String subscriberKey,
                                        UnaryOperator<String> lineKeyOf) {
        List<Chained> rekeyed = new ArrayList<>(stream.size());
        String expectedLink = GENESIS;
        String previousHash = GENESIS;
        for (int sequence = 0; sequence < stream.size(); sequence++) {
            Chained event = stream.get(sequence);
            if (!expectedLink.equals(event.previousHash()) || !event.hashMatchesContent()) {
                // the message names no stream: the stream id is what is being re-keyed away
                throw new IllegalArgumentException("the chain does not hold at sequence " + sequence
                        + ": it is not relinked, which would hide the break");
            }
            expectedLink = event.hash();
            Chained copy = event.rekeyed(ledgerId, subscriberKey, lineKeyOf, previousHash);
            previousHash = copy.hash();
            rekeyed.add(copy);
        }
        return rekeyed;
    }
}
