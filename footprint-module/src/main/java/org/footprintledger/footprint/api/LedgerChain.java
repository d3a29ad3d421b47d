package org.footprintledger.footprint.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
    }
}
