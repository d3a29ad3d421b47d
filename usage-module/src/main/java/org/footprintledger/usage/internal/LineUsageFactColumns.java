package org.footprintledger.usage.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.footprintledger.footprint.api.LineUsageFact;
import org.postgresql.PGConnection;

/**
 * Facts as eight arrays for {@code unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
 * ?::bigint[], ?::bigint[], ?::bigint[])}: subscriber, month, line, line type, technology code, bytes, records,
 * estimated records. One statement per batch, however many facts.
 */
final class LineUsageFactColumns {

    static final String UNNEST = "unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
            + "?::bigint[], ?::bigint[], ?::bigint[])";

    private LineUsageFactColumns() {
    }

    /** Binds the eight arrays to parameters 1 to 8. */
    static void bind(PreparedStatement ps, List<LineUsageFact> facts) throws SQLException {
        Connection c = ps.getConnection();
        ps.setArray(1, c.createArrayOf("varchar", facts.stream().map(LineUsageFact::subscriberId).toArray()));
        ps.setArray(2, c.createArrayOf("varchar", facts.stream().map(f -> f.month().toString()).toArray()));
        ps.setArray(3, c.createArrayOf("varchar", facts.stream().map(LineUsageFact::lineId).toArray()));
        ps.setArray(4, c.createArrayOf("varchar", facts.stream().map(f -> f.lineType().name()).toArray()));
        ps.setArray(5, c.createArrayOf("varchar", facts.stream()
                .map(f -> f.technology() == null ? null : f.technology().code()).toArray()));
        // primitive arrays (the driver's own overload): no boxed Long, and no text form of each number when the
        // driver sends them in binary
        PGConnection pg = c.unwrap(PGConnection.class);
        ps.setArray(6, pg.createArrayOf("int8", facts.stream().mapToLong(LineUsageFact::bytesDelta).toArray()));
        ps.setArray(7, pg.createArrayOf("int8", facts.stream().mapToLong(LineUsageFact::recordsDelta).toArray()));
        ps.setArray(8, pg.createArrayOf("int8", facts.stream().mapToLong(LineUsageFact::estimatedRecordsDelta)
                .toArray()));
    }
}
