package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the hash chain of every ledger stream, as stored; the verdict of one stream (cheap: cached while the stream
 * is unchanged); the digest of every chain head, recorded and checked against the ledger.
 */
public interface LedgerIntegrity {

    IntegrityReport verify();

    /** The last full verification since this node started, if any, with when it ran. */
    Optional<CheckedReport> lastReport();

    /** The verdict of a subscriber-month's stream ({@link StreamIntegrity}), by the subscriber's key ({@link SubscriberKeys}). */
    StreamVerdict verdictOf(String subscriberKey, YearMonth month);

    /** The stored events of a subscriber-month's stream, in order, as the ledger reads them, by the subscriber's key. */
    List<LedgerEntry> eventsOf(String subscriberKey, YearMonth month);

    /** Computes the digest of every chain head now and records it. */
    ChainDigest recordDigest();

    /** The latest recorded digest, with its heads. */
    Optional<ChainDigest> latestDigest();

    /** Checks the ledger as stored against a digest held elsewhere: every stream it names still ends as it says. */
    DigestCheck check(ChainDigest digest);

    /** The latest re-keyings of streams an earlier release wrote under a subscriber's id, newest first. */
    List<Rekeying> rekeyings(int limit);

    /** The first broken link of a subscriber's ledger (named by its key): which stream, which event, what is wrong. */
    record BrokenLink(String subscriberKey, String ledgerId, long sequenceNumber, String eventId, String problem) {
    }

    /** Streams and events checked, and the first broken link of each subscriber with one (empty when intact). */
    record IntegrityReport(long streamsChecked, long eventsChecked, List<BrokenLink> brokenLinks, boolean intact) {

        public IntegrityReport(long streamsChecked, long eventsChecked, List<BrokenLink> brokenLinks) {
            this(streamsChecked, eventsChecked, List.copyOf(brokenLinks), brokenLinks.isEmpty());
        }
    }

    /** A report and the instant its verification ran. */
    record CheckedReport(IntegrityReport report, Instant checkedAt) {
    }

    /** One stream's verdict; {@code brokenAtSequence} and {@code problem} say where and why when broken. */
    record StreamVerdict(String ledgerId, String integrity, Long brokenAtSequence, String problem) {
    }

    /** One stored event of a stream: its place, identity, time, and the event itself (a chained ledger event). */
    record LedgerEntry(long sequenceNumber, String eventId, Instant timestamp, String payloadType, Object payload) {
    }

    /** Where a stream's chain ends: its last sequence number and that event's hash. */
    record ChainHead(String ledgerId, long lastSequence, String lastHash) {
    }

    /** The chain heads of every stream at an instant and their Merkle root ({@link ChainDigests#merkleRoot}). */
    record ChainDigest(Instant recordedAt, long streams, String merkleRoot, List<ChainHead> heads) {
    }

    /** A stream of a digest that the ledger no longer holds as the digest says. */
    record DigestMismatch(String ledgerId, String problem) {
    }

    /**
     * The ledger against a digest: whether the digest's root follows from its heads, and each stream it names that was
     * deleted, cut short or rewritten since ({@code holds} when none). {@code rekeyedSince} counts the streams that
     * re-keyings after the digest took away from under their old names ({@link Rekeying}).
     */
    record DigestCheck(Instant digestRecordedAt, long streamsInDigest, boolean rootMatchesHeads,
                       List<DigestMismatch> mismatches, boolean holds, RekeyedSince rekeyedSince) {
    }

    /**
     * What re-keyings since a digest explain of its check, by count (the streams' old names are kept nowhere):
     * {@code streams} existed when the digest was recorded and were re-keyed after; {@code deletedAccountedFor} of the
     * digest's deleted streams are accounted for by them. {@code explained}: the check fails only by streams deleted
     * and every one is accounted for (the root matches its heads, every chain holds, nothing cut short or rewritten).
     */
    record RekeyedSince(long rekeyings, long streams, long deletedAccountedFor, boolean explained) {
    }

    /**
     * A re-keying (ADR 0013): the streams an earlier release wrote under a subscriber's id and line ids were rewritten
     * under a fresh key ({@code subscriberKey}) at {@code rekeyedAt}, their chains relinked from genesis, and every kept
     * digest rewritten without their old heads. Against a digest held from before, those streams appear deleted.
     * {@code personalDataLogEntry}: the erasure it was part of.
     */
    record Rekeying(long rekeyingId, Instant rekeyedAt, String cause, String subscriberKey, long streams, long events,
                    long lines, long digestsRewritten, Long personalDataLogEntry) {
    }
}
