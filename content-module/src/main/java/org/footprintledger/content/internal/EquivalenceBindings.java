package org.footprintledger.content.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.footprintledger.content.api.ChosenEquivalence;
import org.footprintledger.content.api.EquivalenceBinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bindings of chosen equivalences to statement revisions; written once, never changed. */
@Repository
class EquivalenceBindings {

    private final JdbcClient jdbc;

    EquivalenceBindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A binding's key: the line of a statement revision. */
    record Key(String subscriberId, String month, String lineId, String revision) {
    }

    Optional<EquivalenceBinding> find(String subscriberId, String month, String lineId, String revision) {
        return Optional.ofNullable(findAll(List.of(new Key(subscriberId, month, lineId, revision)))
                .get(new Key(subscriberId, month, lineId, revision)));
    }

    /** The bindings of the keys that have one, in one query whatever their number. */
    Map<Key, EquivalenceBinding> findAll(Collection<Key> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<Key, Instant> boundAt = new LinkedHashMap<>();
        Map<Key, List<ChosenEquivalence>> chosen = new HashMap<>();
        jdbc.sql("SELECT b.subscriber_id, b.month, b.line_id, b.statement_revision, b.bound_at, c.item_id, c.version, "
                        + "c.exact_count, c.displayed_count, c.wording_fr, c.wording_en "
                        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS k(subscriber_id, month, line_id, "
                        + "revision) JOIN equivalence_binding b ON b.subscriber_id = k.subscriber_id "
                        + "AND b.month = k.month AND b.line_id = k.line_id AND b.statement_revision = k.revision "
                        + "LEFT JOIN equivalence_binding_choice c ON c.subscriber_id = b.subscriber_id "
                        + "AND c.month = b.month AND c.line_id = b.line_id "
                        + "AND c.statement_revision = b.statement_revision "
                        + "ORDER BY b.subscriber_id, b.month, b.line_id, b.statement_revision, c.position")
                .params(columns(keys, Key::subscriberId), columns(keys, Key::month), columns(keys, Key::lineId),
                        columns(keys, Key::revision))
                .query(rs -> {
                    Key key = new Key(rs.getString("subscriber_id"), rs.getString("month"), rs.getString("line_id"),
                            rs.getString("statement_revision"));
                    boundAt.putIfAbsent(key, rs.getTimestamp("bound_at").toInstant());
                    List<ChosenEquivalence> list = chosen.computeIfAbsent(key, k -> new ArrayList<>());
                    long itemId = rs.getLong("item_id");
                    if (!rs.wasNull()) {
                        list.add(new ChosenEquivalence(itemId, rs.getInt("version"), rs.getBigDecimal("exact_count"),
                                rs.getBigDecimal("displayed_count"), rs.getString("wording_fr"),
                                rs.getString("wording_en")));
                    }
                });
        Map<Key, EquivalenceBinding> bindings = new HashMap<>();
        boundAt.forEach((key, at) -> bindings.put(key, new EquivalenceBinding(key.subscriberId(), key.month(),
                key.lineId(), key.revision(), List.copyOf(chosen.get(key)), at)));
        return bindings;
    }

    /**
     * Stores the bindings that do not exist yet, in two statements whatever their number: returns the keys stored; a
     * key missing from the answer was bound by a concurrent first show and is to be read again.
     */
    Set<Key> insertAll(Map<Key, List<ChosenEquivalence>> bindings) {
        if (bindings.isEmpty()) {
            return Set.of();
        }
        List<Key> keys = List.copyOf(bindings.keySet());
        Set<Key> inserted = new HashSet<>(jdbc.sql("INSERT INTO equivalence_binding (subscriber_id, month, line_id, "
                        + "statement_revision) SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) "
                        + "ON CONFLICT DO NOTHING RETURNING subscriber_id, month, line_id, statement_revision")
                .params(columns(keys, Key::subscriberId), columns(keys, Key::month), columns(keys, Key::lineId),
                        columns(keys, Key::revision))
                .query((rs, row) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
        List<Object[]> choices = new ArrayList<>();
        for (Key key : keys) {
            if (!inserted.contains(key)) {
                continue;
            }
            List<ChosenEquivalence> chosen = bindings.get(key);
            for (int i = 0; i < chosen.size(); i++) {
                ChosenEquivalence c = chosen.get(i);
                choices.add(new Object[] {key.subscriberId(), key.month(), key.lineId(), key.revision(), i + 1,
                        c.itemId(), c.version(), c.exactCount(), c.displayedCount(), c.wordingFr(), c.wordingEn()});
            }
        }
        if (!choices.isEmpty()) {
            jdbc.sql("INSERT INTO equivalence_binding_choice (subscriber_id, month, line_id, statement_revision, "
                            + "position, item_id, version, exact_count, displayed_count, wording_fr, wording_en) "
                            + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::bigint[], "
                            + "?::int[], ?::numeric[], ?::numeric[], ?::text[], ?::text[])")
                    .params(column(choices, 0, String[]::new), column(choices, 1, String[]::new),
                            column(choices, 2, String[]::new), column(choices, 3, String[]::new),
                            column(choices, 4, Integer[]::new), column(choices, 5, Long[]::new),
                            column(choices, 6, Integer[]::new), column(choices, 7, BigDecimal[]::new),
                            column(choices, 8, BigDecimal[]::new), column(choices, 9, String[]::new),
                            column(choices, 10, String[]::new))
                    .update();
        }
        return inserted;
    }

    private static String[] columns(Collection<Key> keys, Function<Key, String> column) {
        return keys.stream().map(column).toArray(String[]::new);
    }

    private static <T> T[] column(List<Object[]> rows, int index, IntFunction<T[]> array) {
        T[] values = array.apply(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            @SuppressWarnings("unchecked")
            T value = (T) rows.get(i)[index];
            values[i] = value;
        }
        return values;
    }
}
