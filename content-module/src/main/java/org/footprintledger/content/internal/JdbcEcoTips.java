package org.footprintledger.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.footprintledger.content.api.ContentKind;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.content.api.SavingBasis;
import org.footprintledger.content.api.TipInput;
import org.footprintledger.content.api.TipVersion;
import org.footprintledger.content.domain.ContentValidation;
import org.footprintledger.content.domain.TipRule;
import org.footprintledger.vocabulary.LineType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Eco-tips on PostgreSQL: every version kept in {@code tip_version}. */
@Service
class JdbcEcoTips implements EcoTips {

    private static final Logger log = LoggerFactory.getLogger(JdbcEcoTips.class);
    private static final String SELECT = "SELECT i.item_id, i.item_key, v.version, v.status, v.created_by, "
            + "v.created_at, t.text_fr, t.text_en, t.line_type, t.technologies, t.min_monthly_go, t.saving_basis, "
            + "t.volume_share FROM content_item i JOIN content_version v ON v.item_id = i.item_id "
            + "JOIN tip_version t ON t.item_id = v.item_id AND t.version = v.version ";
    private final JdbcClient jdbc;
    private final ContentVersions versions;

    JdbcEcoTips(JdbcClient jdbc, ContentVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Override
    public List<TipVersion> latest() {
        return jdbc.sql(SELECT + "WHERE v.version = (SELECT MAX(version) FROM content_version m "
                + "WHERE m.item_id = i.item_id) ORDER BY i.item_key").query(JdbcEcoTips::version).list();
    }

    @Override
    public List<TipVersion> versions(long itemId) {
        versions.key(itemId, ContentKind.TIP);
        return jdbc.sql(SELECT + "WHERE i.item_id = ? ORDER BY v.version").param(itemId)
                .query(JdbcEcoTips::version).list();
    }

    @Override
    @Transactional
    public TipVersion create(TipInput input, String editor) {
        TipInput clean = Inputs.clean(input);
        TipRule rule = ContentValidation.validate(clean);
        long itemId = versions.createItem(ContentKind.TIP, clean.key());
        return store(itemId, clean, rule, editor);
    }

    @Override
    @Transactional
    public TipVersion edit(long itemId, TipInput input, String editor) {
        String key = versions.key(itemId, ContentKind.TIP);
        TipInput clean = Inputs.clean(Inputs.withKey(input, key));
        TipRule rule = ContentValidation.validate(clean);
        return store(itemId, clean, rule, editor);
    }

    /** PUBLISHED tips, or in preview each tip's newest version that is not retired. */
    List<TipVersion> forCustomers(boolean preview) {
        String status = preview ? "v.status <> 'RETIRED'" : "v.status = 'PUBLISHED'";
        return jdbc.sql(SELECT.replaceFirst("SELECT", "SELECT DISTINCT ON (i.item_id)") + "WHERE i.kind = 'TIP' AND "
                + status + " ORDER BY i.item_id, v.version DESC").query(JdbcEcoTips::version).list();
    }

    private TipVersion store(long itemId, TipInput input, TipRule rule, String editor) {
        int version = versions.openDraft(itemId, editor);
        String technologies = String.join(",", rule.technologies().stream().map(t -> t.code()).toList());
        jdbc.sql("INSERT INTO tip_version (item_id, version, text_fr, text_en, line_type, technologies, "
                        + "min_monthly_go, saving_basis, volume_share) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(itemId, version, input.textFr(), input.textEn(), input.lineType().name(), technologies,
                        input.minMonthlyGo(), input.savingBasis().name(),
                        input.savingBasis() == SavingBasis.VOLUME_SHARE ? input.volumeShare() : null)
                .update();
        log.info("tip {} ({}) version {} drafted by {}", itemId, input.key(), version, editor);
        return versions(itemId).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    private static TipVersion version(ResultSet rs, int row) throws SQLException {
        String technologies = rs.getString("technologies");
        TipInput content = new TipInput(rs.getString("item_key"), rs.getString("text_fr"), rs.getString("text_en"),
                LineType.valueOf(rs.getString("line_type")),
                technologies.isEmpty() ? List.of() : Arrays.asList(technologies.split(",")),
                rs.getBigDecimal("min_monthly_go"), SavingBasis.valueOf(rs.getString("saving_basis")),
                rs.getBigDecimal("volume_share"));
        return new TipVersion(rs.getLong("item_id"), rs.getInt("version"),
                ContentStatus.valueOf(rs.getString("status")), content, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
