package org.footprintledger.footprint.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The record of every export and every erasure of a subscriber's personal data (table {@code personal_data_log}):
 * who asked, when, what was handed over or erased, and the subject as its ledger key, never its id (ADR 0013).
 * Entries are only added, never changed.
 */
public interface PersonalDataLog {

    enum Kind { EXPORT, ERASURE }

    /**
     * Who asked, when the subject asked for its own data: a subscriber's login is its id, which the log must not keep
     * (an erasure would leave it there).
     */
    String THE_SUBJECT = "(the subject)";

    /** Adds an entry (in the caller's transaction, if any) and returns it. */
    Entry record(Kind kind, String subjectKey, String requestedBy, String reason, Map<String, Long> counts);

    /** The latest entries, newest first, at most {@code limit}. */
    List<Entry> latest(int limit);

    record Entry(long entryId, Instant recordedAt, Kind kind, String subjectKey, String requestedBy, String reason,
                 Map<String, Long> counts) {
    }
}
