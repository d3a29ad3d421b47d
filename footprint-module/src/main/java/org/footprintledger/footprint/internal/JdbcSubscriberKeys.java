package org.footprintledger.footprint.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.footprintledger.footprint.api.PersonalDataLog;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link SubscriberKeys} over {@code subscriber_pseudonym} and {@code line_pseudonym}. A batch is resolved set-wise,
 * subscribers first, then their lines: one read of the keys they have, then one insert of a fresh key for each of the
 * others (on conflict nothing). A line's key is made against its subscriber's key; a legacy subscriber's line keeps its
 * id as its key. The rare id another transaction inserted at the same instant is read again by a second round.
 * Separate statements rather than one: each is planned for its own arrays (the single statement's generic plan, made
 * while the tables were small, cost a second of the server's CPU a page of new subscribers, LedgerBenchmark's daily
 * shape), and a page whose keys are all known, every month after a subscriber's first, costs two index reads.
 */
@Component
class JdbcSubscriberKeys implements SubscriberKeys {

    private static final String KNOWN_SUBSCRIBERS = "SELECT subscriber_id, pseudonym, legacy FROM subscriber_pseudonym "
            + "WHERE subscriber_id = ANY(?::text[])";
    private static final String NEW_SUBSCRIBERS = "INSERT INTO subscriber_pseudonym (subscriber_id, pseudonym) "
            + "SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (subscriber_id) DO NOTHING "
            + "RETURNING subscriber_id, pseudonym, legacy";
    private static final String KNOWN_LINES = "SELECT line_id, line_key FROM line_pseudonym WHERE line_id = ANY(?::text[])";
    private static final String NEW_LINES = "INSERT INTO line_pseudonym (line_id, line_key, subscriber_key, legacy) "
            + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::boolean[]) ON CONFLICT (line_id) DO NOTHING "
            + "RETURNING line_id, line_key";

    /** A subscriber's key, and whether an earlier release wrote its streams under its id. */
    private record Pseudonym(String key, boolean legacy) {
    }

    private final JdbcTemplate jdbc;
    private final LegacyStreamRekeying rekeying;

    JdbcSubscriberKeys(JdbcTemplate jdbc, LegacyStreamRekeying rekeying) {
        this.jdbc = jdbc;
        this.rekeying = rekeying;
    }

    @Override
    public Keys keysOf(Collection<String> subscriberIds, Map<String, String> subscriberOfLine) {
        Keys keys = new Keys(new HashMap<>(), new HashMap<>());
        Set<String> ids = new LinkedHashSet<>();
        for (String id : subscriberIds) {
            addWanted(id, ids, keys.subscriberKeys());
        }
        Map<String, String> lines = new LinkedHashMap<>();
        subscriberOfLine.forEach((lineId, subscriberId) -> {
            if (SubscriberKeys.isKey(lineId)) {
                keys.lineKeys().put(lineId, lineId);
            } else {
                lines.put(lineId, subscriberId);
                addWanted(subscriberId, ids, keys.subscriberKeys());
            }
        });
        resolve(ids, lines, keys);
        Set<String> missingIds = new LinkedHashSet<>(ids);
        missingIds.removeAll(keys.subscriberKeys().keySet());
        Map<String, String> missingLines = new LinkedHashMap<>(lines);
        missingLines.keySet().removeAll(keys.lineKeys().keySet());
        if (!missingIds.isEmpty() || !missingLines.isEmpty()) {
            // inserted by a concurrent transaction after this statement's snapshot: visible to a new statement
            missingLines.values().stream().filter(id -> !SubscriberKeys.isKey(id)).forEach(missingIds::add);
            resolve(missingIds, missingLines, keys);
            if (!keys.subscriberKeys().keySet().containsAll(missingIds)
                    || !keys.lineKeys().keySet().containsAll(missingLines.keySet())) {
                throw new IllegalStateException("no key could be made for " + missingIds.size() + " subscriber(s) or "
                        + missingLines.size() + " line(s) of a batch of " + ids.size() + " subscriber(s) and "
                        + lines.size() + " line(s)");
            }
        }
        return keys;
    }

    private static void addWanted(String subscriberId, Set<String> ids, Map<String, String> keys) {
        if (SubscriberKeys.isKey(subscriberId)) {
            keys.put(subscriberId, subscriberId);
        } else {
            ids.add(subscriberId);
        }
    }

    private void resolve(Set<String> ids, Map<String, String> lines, Keys keys) {
        Map<String, Pseudonym> subscribers = resolveSubscribers(ids);
        subscribers.forEach((id, pseudonym) -> keys.subscriberKeys().put(id, pseudonym.key()));
        if (lines.isEmpty()) {
            return;
        }
        jdbc.query(KNOWN_LINES, rs -> {
            keys.lineKeys().put(rs.getString(1), rs.getString(2));
        }, (Object) lines.keySet().toArray(String[]::new));
        List<String> lineIds = new ArrayList<>();
        List<String> lineKeys = new ArrayList<>();
        List<String> subscriberKeys = new ArrayList<>();
        List<Boolean> legacy = new ArrayList<>();
        lines.forEach((lineId, subscriberId) -> {
            Pseudonym subscriber = SubscriberKeys.isKey(subscriberId) ? new Pseudonym(subscriberId, false)
                    : subscribers.get(subscriberId);
            if (keys.lineKeys().containsKey(lineId) || subscriber == null) {
                return; // known, or its subscriber was inserted by another transaction: read by the next round
            }
            lineIds.add(lineId);
            lineKeys.add(subscriber.legacy() ? lineId : freshKey());
            subscriberKeys.add(subscriber.key());
            legacy.add(subscriber.legacy());
        });
        if (!lineIds.isEmpty()) {
            jdbc.query(NEW_LINES, rs -> {
                keys.lineKeys().put(rs.getString(1), rs.getString(2));
            }, lineIds.toArray(String[]::new), lineKeys.toArray(String[]::new), subscriberKeys.toArray(String[]::new),
                    legacy.toArray(Boolean[]::new));
        }
    }

    /** The keys of these subscribers: those they have, and fresh ones for the others this transaction could insert. */
    private Map<String, Pseudonym> resolveSubscribers(Set<String> ids) {
        Map<String, Pseudonym> subscribers = new HashMap<>();
        if (ids.isEmpty()) {
            return subscribers;
        }
        jdbc.query(KNOWN_SUBSCRIBERS, rs -> {
            subscribers.put(rs.getString(1), new Pseudonym(rs.getString(2), rs.getBoolean(3)));
        }, (Object) ids.toArray(String[]::new));
        String[] missing = ids.stream().filter(id -> !subscribers.containsKey(id)).toArray(String[]::new);
        if (missing.length > 0) {
            jdbc.query(NEW_SUBSCRIBERS, rs -> {
                subscribers.put(rs.getString(1), new Pseudonym(rs.getString(2), rs.getBoolean(3)));
            }, missing, freshKeys(missing.length));
        }
        return subscribers;
    }

    private String[] freshKeys(int count) {
        String[] fresh = new String[count];
        for (int i = 0; i < count; i++) {
            fresh[i] = freshKey();
        }
        return fresh;
    }

    @Override
    public Map<String, String> lineIdsOf(String subscriberKey) {
        Map<String, String> ids = new HashMap<>();
        if (subscriberKey == null) {
            return ids;
        }
        jdbc.query("SELECT line_key, line_id FROM line_pseudonym WHERE subscriber_key = ?", rs -> {
            ids.put(rs.getString(1), rs.getString(2));
        }, subscriberKey);
        return ids;
    }

    @Override
    public Optional<String> keyOf(String subscriberId) {
        if (subscriberId == null || SubscriberKeys.isKey(subscriberId)) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT pseudonym FROM subscriber_pseudonym WHERE subscriber_id = ?", String.class,
                subscriberId).stream().findFirst();
    }

    @Override
    public Erased erase(String subscriberId) {
        Optional<String> key = keyOf(subscriberId);
        Map<String, String> lineKeys = new LinkedHashMap<>();
        long streamsRekeyed = 0;
        if (key.isPresent() && rekeying.isLegacy(subscriberId, key.get())) {
            // streams of an earlier release, under the id or line ids: re-keyed first, then forgotten like any other
            LegacyStreamRekeying.Rekeyed rekeyed = rekeying.rekey(subscriberId, key.get());
            key = Optional.of(rekeyed.subscriberKey());
            streamsRekeyed = rekeyed.streams();
        }
        if (key.isPresent()) {
            jdbc.query("DELETE FROM line_pseudonym WHERE subscriber_key = ? RETURNING line_id, line_key", rs -> {
                lineKeys.put(rs.getString(1), rs.getString(2));
            }, key.get());
        }
        jdbc.update("DELETE FROM subscriber_pseudonym WHERE subscriber_id = ?", subscriberId);
        // its own exports, logged under its login (its id) before they were logged as the subject's
        jdbc.update("UPDATE personal_data_log SET requested_by = ? WHERE requested_by = ?", PersonalDataLog.THE_SUBJECT,
                subscriberId);
        long devices = jdbc.update("DELETE FROM subscriber_device WHERE subscriber_id = ?", subscriberId);
        return new Erased(key, devices, lineKeys, streamsRekeyed);
    }

    @Override
    public String unmappedKey() {
        return freshKey();
    }

    private String freshKey() {
        return RandomKeys.fresh();
    }
}
