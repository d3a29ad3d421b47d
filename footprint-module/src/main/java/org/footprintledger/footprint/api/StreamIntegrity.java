package org.footprintledger.footprint.api;

/**
 * The verdict of one ledger stream's hash chain, as every read of a statement, an explanation or an export carries it.
 * A figure is never served from a stream whose chain does not hold: it is withheld (shown as unavailable).
 */
public final class StreamIntegrity {

    /** Every event's hash matches its content and links to the previous one. */
    public static final String VERIFIED = "verified";
    /** An event was altered, removed or stripped of its hash: the stream's figures are withheld. */
    public static final String BROKEN = "broken";
    /** No ledger stream yet (an open month, computed from the usage counted so far): nothing to chain. */
    public static final String UNCHAINED = "unchained";

    private StreamIntegrity() {
    }
}
