package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.footprintledger.footprint.api.ErasureRefusedException;
import org.footprintledger.footprint.api.LedgerChain;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.SavepointManager;

/**
 * Re-keys one subscriber whose ledger streams an earlier release wrote under its clear id and line ids (ADR 0013,
 * "Databases made by an earlier release"), in the caller's transaction: a fresh key for the subscriber and for each
 * of its legacy lines; each stream's events re-keyed and chained again from genesis ({@link LedgerChain#rekeyed}),
 * rewritten in place (same global index, event id, sequence and time, so no processor sees anything new); snapshots
 * deleted; dead letters, the statement read model, corrections, the month index, simulation reports, restatement
 * progress and the personal data log moved to the new names; every kept chain digest rewritten without the old heads.
 * Neither the old ids nor the old hashes are kept; the re-keying is recorded ({@code ledger_rekeying}) for auditors.
 * Used by an erasure (one subscriber) and by {@link LegacyRekeyingJob} (a page of them, the digests rewritten once).
 * Metrics {@code ledger.rekeyings} and {@code ledger.rekeyed.events}; one log line, naming the new key only.
 */
@Component
class LegacyStreamRekeying {

    private static final Logger log = LoggerFactory.getLogger(LegacyStreamRekeying.class);
    /** A character no id may hold: an id stands in a text as a whole field when only such are beside it. */
    private static final String NOT_ID_CHARACTER = "[^A-Za-z0-9._:-]";
    /** Free text and JSON that may name a subscriber or a line (table, column). */
    private static final List<String[]> TEXTS = List.of(new String[] {"dead_letter_entry", "cause_message"},
            new String[] {"ledger_simulation_month", "report"}, new String[] {"ledger_simulation", "error"},
            new String[] {"ledger_restatement_job", "error"}, new String[] {"ledger_restatement_job", "reason"},
            new String[] {"personal_data_log", "reason"});

    private final JdbcTemplate jdbc;
    private final StoredEvents storedEvents;
    private final Serializer eventSerializer;
    private final ChainDigestStore digests;
    private final RekeyingRecords records;
    private final Clock clock;
    private final Counter rekeyings;
    private final Counter rekeyedEvents;

    LegacyStreamRekeying(JdbcTemplate jdbc, StoredEvents storedEvents,
                         @Qualifier("eventSerializer") Serializer eventSerializer, ChainDigestStore digests,
                         RekeyingRecords records, Clock clock, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.eventSerializer = eventSerializer;
        this.digests = digests;
        this.records = records;
        this.clock = clock;
        this.rekeyings = Counter.builder("ledger.rekeyings")
                .description("Subscribers whose streams of an earlier release were re-keyed").register(metrics);
        this.rekeyedEvents = Counter.builder("ledger.rekeyed.events")
                .description("Ledger events rewritten under a fresh key by a re-keying").register(metrics);
    }

    /** The subscriber's new key (its lines' are in {@code line_pseudonym}), and what was rewritten. */
    record Rekeyed(String subscriberKey, long streams, long events) {
    }

    /** Whether the subscriber's streams name it by its id, or a line by its id (written by an earlier release). */
    boolean isLegacy(String subscriberId, String key) {
        return key.equals(subscriberId) || Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM "
                + "subscriber_pseudonym WHERE subscriber_id = ? AND legacy) OR EXISTS (SELECT 1 FROM line_pseudonym "
                + "WHERE subscriber_key = ? AND legacy)", Boolean.class, subscriberId, key));
    }

    /** The cause of a re-keying, as recorded in {@code ledger_rekeying}. */
    enum Cause { ERASURE, LEGACY_JOB }

    /** One subscriber's streams moved to its new key, the chain digests not yet rewritten. */
    record Moved(String oldKey, String newKey, long streams, long events, long lines) {
    }

    /** A page of the re-keying job: what was re-keyed, the subscribers left under their id (their chain broken). */
    record Page(List<Moved> rekeyed, List<String> skipped, long digestsRewritten) {
    }

    /**
     * Re-keys one subscriber for its erasure, in the caller's transaction, after taking the ledger's append lock
     * (so no append lands under its old id once this commits: {@link PrefetchingEventStorageEngine#appendEvents}).
     *
     * @throws ErasureRefusedException when a stream's chain does not hold as stored: relinking it would hide the
     *                                 break (nothing is changed; the caller's transaction is rolled back)
     */
    Rekeyed rekey(String subscriberId, String oldKey) {
        lockAppends();
        Moved moved = move(subscriberId, oldKey);
        long digestsRewritten = digests.withoutStreamsOf(Set.of(oldKey));
        recorded(List.of(moved), digestsRewritten, Cause.ERASURE);
        return new Rekeyed(moved.newKey(), moved.streams(), moved.events());
    }

    /**
     * Re-keys a page of legacy subscribers (id and key, the key being the id) in the caller's transaction, after
     * taking the append lock: each one inside a savepoint, so one whose chain does not verify is rolled back alone,
     * left under its id and marked ({@code rekeying_refused_at}) instead of stopping the page; then every kept chain
     * digest rewritten once, without the heads of all the page's old streams.
     */
    Page rekeyPage(Map<String, String> keyOfSubscriber, SavepointManager savepoints) {
        lockAppends();
        List<Moved> rekeyed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        keyOfSubscriber.forEach((subscriberId, oldKey) -> {
            Object savepoint = savepoints.createSavepoint();
            try {
                rekeyed.add(move(subscriberId, oldKey));
                savepoints.releaseSavepoint(savepoint);
            } catch (ErasureRefusedException broken) {
                savepoints.rollbackToSavepoint(savepoint);
                jdbc.update("UPDATE subscriber_pseudonym SET rekeying_refused_at = ? WHERE subscriber_id = ?",
                        Timestamp.from(clock.instant()), subscriberId);
                skipped.add(oldKey);
                // the integrity report names it by the same key (its id): ops find it there
                log.warn("legacy subscriber {} left under its id by the re-keying job, its chain does not verify: {}",
                        oldKey, broken.getMessage().replaceFirst("; nothing was erased$", ""));
            }
        });
        long digestsRewritten = rekeyed.isEmpty() ? 0
                : digests.withoutStreamsOf(rekeyed.stream().map(Moved::oldKey).collect(Collectors.toSet()));
        recorded(rekeyed, digestsRewritten, Cause.LEGACY_JOB);
        return new Page(rekeyed, skipped, digestsRewritten);
    }

    /** The append lock, held to the end of the transaction: appends wait for the re-keying (ADR 0006, 0013). */
    private void lockAppends() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", PrefetchingEventStorageEngine.APPEND_LOCK);
    }

    private void recorded(List<Moved> rekeyed, long digestsRewritten, Cause cause) {
        Instant at = clock.instant();
        for (Moved moved : rekeyed) {
            records.record(at, moved.newKey(), moved.streams(), moved.events(), moved.lines(), digestsRewritten,
                    cause.name());
            rekeyings.increment();
            rekeyedEvents.increment(moved.events());
            // an erasure's one line; the job logs one line a page, each subscriber at debug
            if (cause == Cause.ERASURE || log.isDebugEnabled()) {
                String line = "legacy ledger streams re-keyed to subscriber key {} ({}): {} streams, {} events, {} "
                        + "lines, {} chain digests rewritten";
                Object[] values = {moved.newKey(), cause, moved.streams(), moved.events(), moved.lines(),
                        digestsRewritten};
                if (cause == Cause.ERASURE) {
                    log.info(line, values);
                } else {
                    log.debug(line, values);
                }
            }
        }
    }

    /**
     * Moves one subscriber's streams, read model, indexes, dead letters, log and texts to a fresh key (the chain
     * digests are the caller's).
     *
     * @throws ErasureRefusedException when a stream's chain does not hold as stored (the caller rolls back)
     */
    private Moved move(String subscriberId, String oldKey) {
        String newKey = RandomKeys.fresh();
        Map<String, String> lineIds = new LinkedHashMap<>(); // old line key to line id
        Map<String, String> newLineKeys = new LinkedHashMap<>(); // old line key to new line key
        jdbc.query("SELECT line_id, line_key, legacy FROM line_pseudonym WHERE subscriber_key = ? ORDER BY line_id "
                + "FOR UPDATE", rs -> {
                    lineIds.put(rs.getString(2), rs.getString(1));
                    newLineKeys.put(rs.getString(2), rs.getBoolean(3) ? RandomKeys.fresh() : rs.getString(2));
                }, oldKey);
        // a line an event names that has no mapping yet (not projected when the lines were mapped) gets a key too
        UnaryOperator<String> lineKeyOf = line -> SubscriberKeys.isKey(line) ? line
                : newLineKeys.computeIfAbsent(line, unmapped -> RandomKeys.fresh());

        List<String> months = jdbc.queryForList("SELECT month FROM ledger_month_index WHERE subscriber_id = ? UNION "
                + "SELECT month FROM ledger_statement_line WHERE subscriber_id = ? ORDER BY 1", String.class, oldKey,
                oldKey);
        Map<String, String> streams = new LinkedHashMap<>();
        Map<String, SerializedObject<byte[]>> payloads = new HashMap<>(); // by event id
        long events = 0;
        for (String month : months) {
            String oldLedger = oldKey + "/" + month;
            String newLedger = newKey + "/" + month;
            long rewritten = rekeyStream(oldLedger, newLedger, newKey, lineKeyOf, month, payloads);
            if (rewritten > 0) {
                streams.put(oldLedger, newLedger);
                events += rewritten;
            }
        }
        String[] oldLedgers = streams.keySet().toArray(String[]::new);
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ANY (?::text[])",
                (Object) oldLedgers);
        rekeyDeadLetters(streams, payloads);
        rekeyReadModel(oldKey, newKey, newLineKeys);

        lineIds.forEach((oldLineKey, lineId) -> jdbc.update("UPDATE line_pseudonym SET line_key = ?, "
                + "subscriber_key = ?, legacy = false WHERE line_id = ?", newLineKeys.get(oldLineKey), newKey, lineId));
        newLineKeys.forEach((line, key) -> {
            if (!lineIds.containsKey(line)) {
                jdbc.update("INSERT INTO line_pseudonym (line_id, line_key, subscriber_key) VALUES (?, ?, ?) "
                        + "ON CONFLICT (line_id) DO NOTHING", line, key, newKey);
            }
        });
        jdbc.update("UPDATE subscriber_pseudonym SET pseudonym = ?, legacy = false WHERE subscriber_id = ?", newKey,
                subscriberId);
        return new Moved(oldKey, newKey, streams.size(), events, newLineKeys.size());
    }

    /** Rewrites one stream under its new names; the number of events rewritten (none when the stream is empty). */
    private long rekeyStream(String oldLedger, String newLedger, String newKey,
                             UnaryOperator<String> lineKeyOf, String month,
                             Map<String, SerializedObject<byte[]>> payloads) {
        List<DomainEventData<?>> rows = new ArrayList<>();
        List<Long> globalIndexes = new ArrayList<>();
        jdbc.query("SELECT " + StoredEvents.COLUMNS + ", global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number FOR UPDATE", rs -> {
                    rows.add(StoredEvents.row(rs));
                    globalIndexes.add(rs.getLong(10));
                }, oldLedger);
        if (rows.isEmpty()) {
            return 0;
        }
        List<LedgerChain.Chained> stream = new ArrayList<>(rows.size());
        DomainEventStream messages = storedEvents.messages(rows.stream());
        while (messages.hasNext()) {
            Object payload = messages.next().getPayload();
            if (!(payload instanceof LedgerChain.Chained chained) || stream.size() >= rows.size()
                    || rows.get(stream.size()).getSequenceNumber() != stream.size()) {
                throw refused(month, "sequence " + stream.size() + " is missing or is not a chained ledger event");
            }
            stream.add(chained);
        }
        if (stream.size() != rows.size()) {
            throw refused(month, rows.size() + " events stored, " + stream.size() + " read");
        }
        List<LedgerChain.Chained> rekeyed;
        try {
            rekeyed = LedgerChain.rekeyed(stream, newLedger, newKey, lineKeyOf);
        } catch (IllegalArgumentException e) {
            throw refused(month, e.getMessage());
        }
        List<Object[]> updates = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SerializedObject<byte[]> payload = eventSerializer.serialize(rekeyed.get(i), byte[].class);
            payloads.put(rows.get(i).getEventIdentifier(), payload);
            updates.add(new Object[] {newLedger, payload.getData(), payload.getType().getName(),
                    payload.getType().getRevision(), globalIndexes.get(i)});
        }
        jdbc.batchUpdate("UPDATE domain_event_entry SET aggregate_identifier = ?, payload = ?, payload_type = ?, "
                + "payload_revision = ? WHERE global_index = ?", updates);
        return rows.size();
    }

    private static ErasureRefusedException refused(String month, String problem) {
        return new ErasureRefusedException("the ledger stream of " + month + " of this subscriber, written by an "
                + "earlier release, does not verify (" + problem + "): it is not re-keyed, which would hide the "
                + "break; nothing was erased");
    }

    /** Dead letters of the streams: under the new stream id, with the event as it is now stored. */
    private void rekeyDeadLetters(Map<String, String> streams, Map<String, SerializedObject<byte[]>> payloads) {
        if (streams.isEmpty()) {
            return;
        }
        String[] oldLedgers = streams.keySet().toArray(String[]::new);
        List<Object[]> letters = new ArrayList<>();
        jdbc.query("SELECT dead_letter_id, aggregate_identifier, sequence_identifier, event_identifier "
                + "FROM dead_letter_entry WHERE aggregate_identifier = ANY (?::text[]) "
                + "OR sequence_identifier = ANY (?::text[]) FOR UPDATE", rs -> {
                    letters.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }, oldLedgers, oldLedgers);
        for (Object[] letter : letters) {
            jdbc.update("UPDATE dead_letter_entry SET aggregate_identifier = ?, sequence_identifier = ? "
                    + "WHERE dead_letter_id = ?", streams.getOrDefault((String) letter[1], (String) letter[1]),
                    streams.getOrDefault((String) letter[2], (String) letter[2]), letter[0]);
            SerializedObject<byte[]> payload = payloads.get((String) letter[3]);
            if (payload != null) {
                jdbc.update("UPDATE dead_letter_entry SET payload = ?, payload_type = ?, payload_revision = ? "
                        + "WHERE dead_letter_id = ?", payload.getData(), payload.getType().getName(),
                        payload.getType().getRevision(), letter[0]);
            }
        }
    }

    /** The read model, the month index, restatement progress, the log and the texts that may name the ids. */
    private void rekeyReadModel(String oldKey, String newKey, Map<String, String> newLineKeys) {
        String[] oldLineKeys = newLineKeys.keySet().toArray(String[]::new);
        String[] lineKeys = newLineKeys.values().toArray(String[]::new);
        for (String table : List.of("ledger_statement_line", "ledger_statement_correction")) {
            jdbc.update("UPDATE " + table + " t SET subscriber_id = ?, line_id = coalesce((SELECT m.line_key FROM "
                    + "unnest(?::text[], ?::text[]) AS m(old_key, line_key) WHERE m.old_key = t.line_id), t.line_id) "
                    + "WHERE t.subscriber_id = ?", newKey, oldLineKeys, lineKeys, oldKey);
        }
        jdbc.update("UPDATE ledger_month_index SET subscriber_id = ? WHERE subscriber_id = ?", newKey, oldKey);
        // a restatement that stopped right after this subscriber resumes after the one before it (the same place)
        jdbc.update("UPDATE ledger_restatement_job_month j SET last_subscriber_id = coalesce((SELECT "
                + "max(i.subscriber_id) FROM ledger_month_index i WHERE i.month = j.month "
                + "AND i.subscriber_id < j.last_subscriber_id), '') WHERE j.last_subscriber_id = ?", oldKey);
        jdbc.update("UPDATE personal_data_log SET subject_key = ? WHERE subject_key = ?", newKey, oldKey);
        Map<String, String> names = new LinkedHashMap<>(); // the lines first: a line id may embed the subscriber id
        newLineKeys.forEach((old, key) -> {
            if (!old.equals(key)) {
                names.put(old, key);
            }
        });
        names.put(oldKey, newKey);
        for (String[] text : TEXTS) {
            names.forEach((old, key) -> {
                String wholeField = "(^|" + NOT_ID_CHARACTER + ")" + escaped(old) + "(?=$|" + NOT_ID_CHARACTER + ")";
                jdbc.update("UPDATE " + text[0] + " SET " + text[1] + " = regexp_replace(" + text[1] + ", ?, ?, 'g') "
                        + "WHERE " + text[1] + " ~ ?", wholeField, "\\1" + key, wholeField);
            });
        }
    }

    /** The value as a literal of a PostgreSQL regular expression. */
    private static String escaped(String value) {
        StringBuilder escaped = new StringBuilder();
        value.chars().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.append((char) c);
        });
        return escaped.toString();
    }
}
