package org.footprintledger.content.internal;

import java.util.List;
import java.util.Optional;
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

    Optional<EquivalenceBinding> find(String subscriberId, String month, String lineId, String revision) {
        Optional<java.sql.Timestamp> boundAt = jdbc.sql("SELECT bound_at FROM equivalence_binding WHERE "
                        + "subscriber_id = ? AND month = ? AND line_id = ? AND statement_revision = ?")
                .params(subscriberId, month, lineId, revision).query(java.sql.Timestamp.class).optional();
        if (boundAt.isEmpty()) {
            return Optional.empty();
        }
        List<ChosenEquivalence> chosen = jdbc.sql("SELECT item_id, version, exact_count, displayed_count, wording_fr, "
                        + "wording_en FROM equivalence_binding_choice WHERE subscriber_id = ? AND month = ? "
                        + "AND line_id = ? AND statement_revision = ? ORDER BY position")
                .params(subscriberId, month, lineId, revision)
                .query((rs, row) -> new ChosenEquivalence(rs.getLong("item_id"), rs.getInt("version"),
                        rs.getBigDecimal("exact_count"), rs.getBigDecimal("displayed_count"),
                        rs.getString("wording_fr"), rs.getString("wording_en")))
                .list();
        return Optional.of(new EquivalenceBinding(subscriberId, month, lineId, revision, chosen,
                boundAt.get().toInstant()));
    }

    /** Stores a binding unless one exists already (a concurrent first show): false when it did. */
    boolean insert(String subscriberId, String month, String lineId, String revision, List<ChosenEquivalence> chosen) {
        int inserted = jdbc.sql("INSERT INTO equivalence_binding (subscriber_id, month, line_id, statement_revision) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(subscriberId, month, lineId, revision).update();
        if (inserted == 0) {
            return false;
        }
        for (int i = 0; i < chosen.size(); i++) {
            ChosenEquivalence c = chosen.get(i);
            jdbc.sql("INSERT INTO equivalence_binding_choice (subscriber_id, month, line_id, statement_revision, "
                            + "position, item_id, version, exact_count, displayed_count, wording_fr, wording_en) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(subscriberId, month, lineId, revision, i + 1, c.itemId(), c.version(), c.exactCount(),
                            c.displayedCount(), c.wordingFr(), c.wordingEn())
                    .update();
        }
        return true;
    }
}
