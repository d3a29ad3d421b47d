package org.footprintledger.footprint.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.footprintledger.footprint.api.FactorSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rewrites what the releases serialized with Jackson's default typing and stores outside the event stream: processor
 * tokens and dead letters (read again by Axon's JDBC stores, which do not upcast) and the factor set table (from then
 * on in its own JSON, {@link FactorSetJson}). Each value is read with the release's serializer and written with this
 * build's; a token keeps its position exactly, so no processor starts over or projects an event twice. Stored events
 * are never rewritten: {@link DefaultTypingUpcaster} reads them.
 */
@Component
class UntypedFormsMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(UntypedFormsMigration.class);

    /** The releases' serializer, only to read what they wrote. */
    private final Serializer release = JacksonSerializer.builder().objectMapper(AxonConfiguration.axonObjectMapper())
            .defaultTyping().build();
    private final Serializer current = AxonConfiguration.jacksonSerializer();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2026.12.02.04");
    }

    @Override
    public String getDescription() {
        return "serialized forms without default typing";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        int tokens = rewriteTokens(connection);
        int deadLetters = rewriteDeadLetters(connection);
        int factorSets = rewriteFactorSets(connection);
        log.info("serialized forms without default typing: {} tokens, {} dead letters, {} factor sets rewritten",
                tokens, deadLetters, factorSets);
    }

    private int rewriteTokens(Connection connection) throws SQLException {
        int rewritten = 0;
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT processor_name, segment, token, token_type FROM token_entry "
                     + "WHERE token IS NOT NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE token_entry SET token = ? WHERE processor_name = ? AND segment = ?")) {
            while (rs.next()) {
                update.setBytes(1, reserialized(rs.getBytes(3), rs.getString(4), null).getData());
                update.setString(2, rs.getString(1));
                update.setInt(3, rs.getInt(2));
                update.addBatch();
                rewritten++;
            }
            update.executeBatch();
        }
        return rewritten;
    }

    private int rewriteDeadLetters(Connection connection) throws SQLException {
        int rewritten = 0;
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT dead_letter_id, payload, payload_type, payload_revision, "
                     + "meta_data, token, token_type, diagnostics FROM dead_letter_entry");
             PreparedStatement update = connection.prepareStatement("UPDATE dead_letter_entry SET payload = ?, "
                     + "payload_revision = ?, meta_data = ?, token = ?, diagnostics = ? WHERE dead_letter_id = ?")) {
            while (rs.next()) {
                SerializedObject<byte[]> payload = reserialized(rs.getBytes(2), rs.getString(3), rs.getString(4));
                update.setBytes(1, payload.getData());
                update.setString(2, payload.getType().getRevision());
                update.setBytes(3, reserializedOrNull(rs.getBytes(5), MetaData.class.getName()));
                update.setBytes(4, reserializedOrNull(rs.getBytes(6), rs.getString(7)));
                update.setBytes(5, reserializedOrNull(rs.getBytes(8), MetaData.class.getName()));
                update.setString(6, rs.getString(1));
                update.addBatch();
                rewritten++;
            }
            update.executeBatch();
        }
        return rewritten;
    }

    private int rewriteFactorSets(Connection connection) throws SQLException {
        int rewritten = 0;
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE ledger_factor_set ADD COLUMN factor_set JSONB");
        }
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT factor_set_id, payload, payload_type, payload_revision "
                     + "FROM ledger_factor_set");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE ledger_factor_set SET factor_set = ?::jsonb WHERE factor_set_id = ?")) {
            while (rs.next()) {
                FactorSet set = release.deserialize(new SimpleSerializedObject<>(rs.getBytes(2), byte[].class,
                        rs.getString(3), rs.getString(4)));
                update.setString(1, FactorSetJson.write(set));
                update.setString(2, rs.getString(1));
                update.addBatch();
                rewritten++;
            }
            update.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE ledger_factor_set ALTER COLUMN factor_set SET NOT NULL, "
                    + "DROP COLUMN payload, DROP COLUMN payload_type, DROP COLUMN payload_revision");
        }
        return rewritten;
    }

    private byte[] reserializedOrNull(byte[] data, String type) {
        return data == null || type == null ? data : reserialized(data, type, null).getData();
    }

    private SerializedObject<byte[]> reserialized(byte[] data, String type, String revision) {
        Object value = release.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, revision));
        return current.serialize(value, byte[].class);
    }
}
