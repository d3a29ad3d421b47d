package org.footprintledger.footprint.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.footprintledger.footprint.api.DeviceModel;
import org.footprintledger.footprint.api.SubscriberDevice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The device catalogue and the subscribers' devices ({@code device_model}, {@code subscriber_device}). */
@Repository
class DeviceRepository {

    private final JdbcTemplate jdbc;

    DeviceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<DeviceModel> models() {
        return jdbc.query("SELECT model_id, name_fr, name_en, manufacture_kg_co2e, use_kg_co2e_per_year, "
                + "lifetime_years, source FROM device_model ORDER BY model_id", DeviceRepository::model);
    }

    List<SubscriberDevice> devicesOf(String subscriberId) {
        return jdbc.query("SELECT device_id, model_id, acquired_on FROM subscriber_device WHERE subscriber_id = ? "
                        + "ORDER BY acquired_on, device_id",
                (rs, row) -> new SubscriberDevice(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class)),
                subscriberId);
    }

    /**
     * Deletes the subscriber's devices and inserts these; the caller holds the transaction. Two replacements of one
     * subscriber take turns on a transaction-scoped advisory lock (otherwise both could delete, then both insert).
     */
    void replace(String subscriberId, List<SubscriberDevice> devices, Instant at) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> { },
                "subscriber_device:" + subscriberId);
        jdbc.update("DELETE FROM subscriber_device WHERE subscriber_id = ?", subscriberId);
        jdbc.batchUpdate("INSERT INTO subscriber_device (subscriber_id, device_id, model_id, acquired_on, updated_at) "
                + "VALUES (?, ?, ?, ?, ?)", devices, 100, (ps, device) -> {
                    ps.setString(1, subscriberId);
                    ps.setString(2, device.deviceId());
                    ps.setString(3, device.modelId());
                    ps.setDate(4, Date.valueOf(device.acquiredOn()));
                    ps.setTimestamp(5, Timestamp.from(at));
                });
    }

    private static DeviceModel model(ResultSet rs, int row) throws SQLException {
        return new DeviceModel(rs.getString("model_id"), rs.getString("name_fr"), rs.getString("name_en"),
                rs.getBigDecimal("manufacture_kg_co2e"), rs.getBigDecimal("use_kg_co2e_per_year"),
                rs.getBigDecimal("lifetime_years"), rs.getString("source"));
    }
}
