package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a value (a subscriber id, a line id) is still held by the footprint module: the event store, the Axon tables
 * and every table of the ledger module's migrations, every text and json value, the bytes of each binary column, and
 * the chain digests' heads uncompressed. What erasure and re-keying tests scan after the fact.
 */
final class FootprintColumns {

    private FootprintColumns() {
    }

    /** Each table and column holding the value, with its number of rows. */
    static List<String> holding(JdbcTemplate jdbc, String value) {
        List<String> holding = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT c.table_name, c.column_name, c.data_type "
                + "FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) "
                + "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND (c.table_name LIKE "
                + "'ledger%' OR c.table_name IN ('domain_event_entry', 'snapshot_event_entry', 'dead_letter_entry', "
                + "'line_pseudonym', 'subscriber_pseudonym', 'subscriber_device', 'personal_data_log', "
                + "'token_entry', 'device_model')) ORDER BY 1, 2");
        assertThat(columns).as("the scan reaches the digests, simulations and dead letters")
                .extracting(column -> column.get("table_name"))
                .contains("ledger_rekeying", "ledger_chain_digest", "ledger_simulation_month", "dead_letter_entry");
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') IN \"" + name + "\") > 0"
                    : "strpos(\"" + name + "\"::text, ?) > 0";
            Long rows = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" WHERE " + condition, Long.class,
                    value);
            if (rows != null && rows > 0) {
                holding.add(table + "." + name + " (" + rows + " row(s))");
            }
        }
        // the chain digests are stored gzip-compressed: read them as text
        List<String> digests = jdbc.queryForList("SELECT heads FROM ledger_chain_digest", byte[].class).stream()
                .map(FootprintColumns::gunzipped).filter(heads -> heads.contains(value)).toList();
        if (!digests.isEmpty()) {
            holding.add("ledger_chain_digest.heads, uncompressed (" + digests.size() + " row(s))");
        }
        return holding;
    }

    static String gunzipped(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
