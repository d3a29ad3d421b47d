package org.footprintledger.footprint.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.footprintledger.footprint.api.PersonalDataLog;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link SubscriberKeys} over {@code subscriber_pseudonym}. A batch is resolved in one statement: an insert of a
 * fresh key for every id of the batch that has none (on conflict nothing), and a read of the keys the others have.
 * The rare id another transaction inserted at the same instant is read again by a second statement. Lines the same
 * way, in the same statement ({@code line_pseudonym}).
 */
@Component
class JdbcSubscriberKeys implements SubscriberKeys {

    /**
     * Subscribers first, then their lines in the same statement: a line's key is made against its subscriber's key
     * (read or made by the statement's first part; a legacy subscriber's line keeps its id as its key). A line whose
     * subscriber another transaction inserted at the same instant is left out, and read again by a second statement.
     */
    private static final String RESOLVE = "WITH wanted(subscriber_id, fresh) AS (SELECT * FROM unnest(?::text[], ?::text[])), "
            + "made AS (INSERT INTO subscriber_pseudonym (subscriber_id, pseudonym) "
            + "SELECT w.subscriber_id, w.fresh FROM wanted w "
            + "WHERE NOT EXISTS (SELECT 1 FROM subscriber_pseudonym p WHERE p.subscriber_id = w.subscriber_id) "
            + "ON CONFLICT (subscriber_id) DO NOTHING RETURNING subscriber_id, pseudonym, legacy), "
            + "subs AS (SELECT subscriber_id, pseudonym, legacy FROM made UNION ALL "
            + "SELECT p.subscriber_id, p.pseudonym, p.legacy FROM subscriber_pseudonym p JOIN wanted w USING (subscriber_id)), "
            + "lines(line_id, subscriber_id, fresh) AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[])), "
            + "made_lines AS (INSERT INTO line_pseudonym (line_id, line_key, subscriber_key, legacy) "
            + "SELECT l.line_id, CASE WHEN s.legacy THEN l.line_id ELSE l.fresh END, "
            + "coalesce(s.pseudonym, l.subscriber_id), coalesce(s.legacy, false) "
            + "FROM lines l LEFT JOIN subs s USING (subscriber_id) "
            + "WHERE (s.pseudonym IS NOT NULL OR l.subscriber_id LIKE '" + SubscriberKeys.PREFIX + "%') "
            + "AND NOT EXISTS (SELECT 1 FROM line_pseudonym p WHERE p.line_id = l.line_id) "
            + "ON CONFLICT (line_id) DO NOTHING RETURNING line_id, line_key) "
            + "SELECT 'S', subscriber_id, pseudonym FROM subs "
            + "UNION ALL SELECT 'L', line_id, line_key FROM made_lines "
            + "UNION ALL SELECT 'L', p.line_id, p.line_key FROM line_pseudonym p JOIN lines l USING (line_id)";

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
        if (ids.isEmpty() && lines.isEmpty()) {
            return;
        }
        String[] wanted = ids.toArray(String[]::new);
        String[] lineIds = lines.keySet().toArray(String[]::new);
        String[] lineSubscribers = lines.values().toArray(String[]::new);
        // a plan for these arrays and these tables: the generic plan of the prepared statement, made while the
        // tables were small, cost a second of the server's CPU a page of new subscribers (LedgerBenchmark, daily shape)
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        jdbc.query(RESOLVE, rs -> {
            (rs.getString(1).equals("S") ? keys.subscriberKeys() : keys.lineKeys()).put(rs.getString(2),
                    rs.getString(3));
        }, wanted, freshKeys(wanted.length), lineIds, lineSubscribers, freshKeys(lineIds.length));
        jdbc.execute("SET LOCAL plan_cache_mode = auto");
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
