package org.footprintledger.footprint.api;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's name for a subscriber: a random key ({@code ~} and 32 hex digits), never the operator's subscriber
 * id, kept against the id in one table (ADR 0013). Stream ids, events, hash chains, read models, digests and
 * simulation results name the key only; the id is resolved to its key at the module's edges, a whole batch in one
 * statement. Lines are named the same way (a line id may embed the subscriber id): a random line key, resolved in the
 * same statement. Erasing a subscriber deletes its mapping and its lines': the keys then name nobody.
 */
public interface SubscriberKeys {

    /** The first character of every key; no subscriber id may hold it, so a key is never taken for an id. */
    String PREFIX = "~";

    static boolean isKey(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /**
     * The key of each id, made for the ids without one (one statement for the whole collection, whatever its size).
     * A value that is already a key (usage of an erased subscriber, re-keyed by its module) is its own key.
     */
    default Map<String, String> keysOf(Collection<String> subscriberIds) {
        return keysOf(subscriberIds, Map.of()).subscriberKeys();
    }

    /**
     * The key of each subscriber id and of each line id ({@code subscriberOfLine}: line id to the id of the
     * subscriber it belongs to), made for those without one, all in one statement whatever the batch's size. A line
     * of a legacy subscriber (its key is its id) keeps its id as its key. A value that is already a key is its own.
     */
    Keys keysOf(Collection<String> subscriberIds, Map<String, String> subscriberOfLine);

    /** The ledger's names for a batch: subscriber id to key, line id to key. */
    record Keys(Map<String, String> subscriberKeys, Map<String, String> lineKeys) {
    }

    /**
     * The line id of each line key of one subscriber (by its key), in one lookup: how a read of the ledger tells a
     * subscriber its lines again. Empty for a key that names nobody (erased).
     */
    Map<String, String> lineIdsOf(String subscriberKey);

    /** A fresh key mapped to no id: the name of an erased subscriber's data that had no key yet, or an anonymous marker. */
    String unmappedKey();

    /** The key of an id that has one; empty for an unknown or erased id, and for a key given as an id. */
    Optional<String> keyOf(String subscriberId);

    /**
     * Forgets the id's key and deletes what the ledger module keeps under the clear id (its devices), in the caller's
     * transaction. The ledger's streams stay, under the key, so every total and chain is unchanged. A subscriber whose
     * streams an earlier release wrote under its id or its line ids (its key is its id, or a line's is) is re-keyed
     * first: its streams rewritten under a fresh key and fresh line keys, chained again, the digests rewritten
     * without their old heads (ADR 0013); it is then forgotten like any other.
     *
     * @throws ErasureRefusedException when such a stream's chain does not hold as stored: re-keying it would relink
     *                                 it and hide the break; nothing is erased
     */
    Erased erase(String subscriberId);

    /**
     * The key the id had (empty when it had none; the fresh key when it was re-keyed), the devices deleted with it, the
     * key each of its lines had (line id to key: the usage module re-keys the lines it keeps to them), and the streams
     * of an earlier release re-keyed first (0 for a subscriber the ledger always named by a random key).
     */
    record Erased(Optional<String> key, long devices, Map<String, String> lineKeys, long streamsRekeyed) {
    }
}
