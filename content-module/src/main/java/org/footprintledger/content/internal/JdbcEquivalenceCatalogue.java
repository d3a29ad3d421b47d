package org.footprintledger.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.EquivalenceCatalogue;
import org.footprintledger.content.api.EquivalenceInput;
import org.footprintledger.content.api.EquivalenceVersion;
import org.footprintledger.content.domain.ContentValidation;
import org.footprintledger.content.domain.Equivalence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The equivalence catalogue on PostgreSQL: every version kept in {@code equivalence_version}. */
@Service
class JdbcEquivalenceCatalogue implements EquivalenceCatalogue {

    private static final Logger log = LoggerFactory.getLogger(JdbcEquivalenceCatalogue.class);
    private static final String SELECT = "SELECT i.item_id, i.item_key, v.version, v.status, v.created_by, "
            + "v.created_at, e.label_fr_singular, e.label_fr_plural, e.label_en_singular, e.label_en_plural, "
            + "e.kg_co2e_per_unit, e.unit, e.source, e.valid_from FROM content_item i "
            + "JOIN content_version v ON v.item_id = i.item_id "
            + "JOIN equivalence_version e ON e.item_id = v.item_id AND e.version = v.version ";
    private final JdbcClient jdbc;
    private final ContentVersions versions;

    JdbcEquivalenceCatalogue(JdbcClient jdbc, ContentVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Override
    public List<EquivalenceVersion> latest() {
        return jdbc.sql(SELECT + "WHERE v.version = (SELECT MAX(version) FROM content_version m "
                + "WHERE m.item_id = i.item_id) ORDER BY i.item_key").query(JdbcEquivalenceCatalogue::version).list();
    }

    @Override
    public List<EquivalenceVersion> versions(long itemId) {
        versions.key(itemId, ContentKind.EQUIVALENCE);
        return jdbc.sql(SELECT + "WHERE i.item_id = ? ORDER BY v.version").param(itemId)
                .query(JdbcEquivalenceCatalogue::version).list();
    }

    @Override
    @Transactional
    public EquivalenceVersion create(EquivalenceInput input, String editor) {
        EquivalenceInput clean = Inputs.clean(input);
        ContentValidation.validate(clean);
        long itemId = versions.createItem(ContentKind.EQUIVALENCE, clean.key());
        return store(itemId, clean, editor);
    }

    @Override
    @Transactional
    public EquivalenceVersion edit(long itemId, EquivalenceInput input, String editor) {
        String key = versions.key(itemId, ContentKind.EQUIVALENCE);
        EquivalenceInput clean = Inputs.clean(Inputs.withKey(input, key));
        ContentValidation.validate(clean);
        return store(itemId, clean, editor);
    }

    /** The versions customers see (PUBLISHED), or, in preview, each item's newest version that is not retired. */
    List<Equivalence> forSelection(boolean preview) {
        String where = preview
                ? "WHERE i.kind = 'EQUIVALENCE' AND v.status <> 'RETIRED' ORDER BY i.item_id, v.version DESC"
                : "WHERE i.kind = 'EQUIVALENCE' AND v.status = 'PUBLISHED' ORDER BY i.item_id, v.version DESC";
        return jdbc.sql(SELECT.replaceFirst("SELECT", "SELECT DISTINCT ON (i.item_id)") + where)
                .query(JdbcEquivalenceCatalogue::version).list().stream()
                .map(v -> new Equivalence(v.itemId(), v.version(), v.content())).toList();
    }

    private EquivalenceVersion store(long itemId, EquivalenceInput input, String editor) {
        int version = versions.openDraft(itemId, editor);
        jdbc.sql("INSERT INTO equivalence_version (item_id, version, label_fr_singular, label_fr_plural, "
                        + "label_en_singular, label_en_plural, kg_co2e_per_unit, unit, source, valid_from) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(itemId, version, input.labelFrSingular(), input.labelFrPlural(), input.labelEnSingular(),
                        input.labelEnPlural(), input.kgCo2ePerUnit(), input.unit(), input.source(),
                        input.validFrom())
                .update();
        log.info("equivalence {} ({}) version {} drafted by {}", itemId, input.key(), version, editor);
        return versions(itemId).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    private static EquivalenceVersion version(ResultSet rs, int row) throws SQLException {
        EquivalenceInput content = new EquivalenceInput(rs.getString("item_key"), rs.getString("label_fr_singular"),
                rs.getString("label_fr_plural"), rs.getString("label_en_singular"), rs.getString("label_en_plural"),
                rs.getBigDecimal("kg_co2e_per_unit"), rs.getString("unit"), rs.getString("source"),
                rs.getObject("valid_from", java.time.LocalDate.class));
        return new EquivalenceVersion(rs.getLong("item_id"), rs.getInt("version"),
                ContentStatus.valueOf(rs.getString("status")), content, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
