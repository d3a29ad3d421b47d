package org.footprintledger.footprint.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.footprintledger.footprint.api.ErasureRefusedException;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link SubscriberKeys} over {@code subscriber_pseudonym}. A batch is resolved in one statement: an insert of a
 * fresh key for every id of the batch that has none (on conflict nothing), and a read of the keys the others have.
 * The rare id another transaction inserted at the same instant is read again by a second statement.
 */
@Component
class JdbcSubscriberKeys implements SubscriberKeys {

    private static final String RESOLVE = "WITH wanted(subscriber_id, fresh) AS (SELECT * FROM unnest(?::text[], ?::text[])), "
            + "made AS (INSERT INTO subscriber_pseudonym (subscriber_id, pseudonym) "
            + "SELECT w.subscriber_id, w.fresh FROM wanted w "
            + "WHERE NOT EXISTS (SELECT 1 FROM subscriber_pseudonym p WHERE p.subscriber_id = w.subscriber_id) "
            + "ON CONFLICT (subscriber_id) DO NOTHING RETURNING subscriber_id, pseudonym) "
            + "SELECT subscriber_id, pseudonym FROM made "
            + "UNION ALL SELECT p.subscriber_id, p.pseudonym FROM subscriber_pseudonym p JOIN wanted w USING (subscriber_id)";

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    JdbcSubscriberKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> keysOf(Collection<String> subscriberIds) {
        Map<String, String> keys = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : subscriberIds) {
            if (SubscriberKeys.isKey(id)) {
                keys.put(id, id);
            } else {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return keys;
        }
        String[] wanted = ids.toArray(String[]::new);
        String[] fresh = new String[wanted.length];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = freshKey();
        }
        jdbc.query(RESOLVE, rs -> {
            keys.put(rs.getString(1), rs.getString(2));
        }, wanted, fresh);
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!keys.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            // inserted by a concurrent transaction after this statement's snapshot: visible to a new statement
            jdbc.query("SELECT subscriber_id, pseudonym FROM subscriber_pseudonym WHERE subscriber_id = ANY (?::text[])",
                    rs -> {
                        keys.put(rs.getString(1), rs.getString(2));
                    }, (Object) missing.toArray(String[]::new));
            if (keys.size() < subscriberIds.stream().distinct().count()) {
                throw new IllegalStateException("no subscriber key could be made for " + missing.size()
                        + " subscriber(s) of a batch of " + ids.size());
            }
        }
        return keys;
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
        if (key.isPresent() && key.get().equals(subscriberId)) {
            throw new ErasureRefusedException("the ledger streams of this subscriber were written by an earlier "
                    + "release under its id and are not re-keyed yet (ADR 0013): erasing it would leave its id in the "
                    + "ledger");
        }
        jdbc.update("DELETE FROM subscriber_pseudonym WHERE subscriber_id = ?", subscriberId);
        long devices = jdbc.update("DELETE FROM subscriber_device WHERE subscriber_id = ?", subscriberId);
        return new Erased(key, devices);
    }

    @Override
    public String unmappedKey() {
        return freshKey();
    }

    private String freshKey() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }
}
