package org.footprintledger.usage.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.footprintledger.usage.api.UsagePersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link UsagePersonalData} over the usage tables. The records are found through the subscriber's lines (the index
 * on line and date of every partition), not by a scan of every partition for the subscriber id. A rejected row holds
 * the raw text of the feed: it is deleted when the id stands in it as a whole field.
 */
@Component
class JdbcUsagePersonalData implements UsagePersonalData {

    private final JdbcTemplate jdbc;
    private final RegisteredLines registeredLines;

    JdbcUsagePersonalData(JdbcTemplate jdbc, RegisteredLines registeredLines) {
        this.jdbc = jdbc;
        this.registeredLines = registeredLines;
    }

    @Override
    public Map<String, Long> erase(String subscriberId, String subscriberKey) {
        return erase(subscriberId, subscriberKey, lineId -> lineId);
    }

    @Override
    public Map<String, Long> erase(String subscriberId, String subscriberKey, Function<String, String> lineKeyOf) {
        Map<String, Long> erased = new LinkedHashMap<>();
        List<String> lines = jdbc.queryForList("SELECT line_id FROM usage_line WHERE subscriber_id = ? ORDER BY line_id",
                String.class, subscriberId);
        String[] lineIds = lines.toArray(String[]::new);
        erased.put("usage_records", (long) jdbc.update("DELETE FROM usage_record WHERE line_id = ANY (?::text[]) "
                + "AND subscriber_id = ?", lineIds, subscriberId));
        // the id as a whole field of the raw row: not preceded nor followed by a character an id may hold
        String whole = "(^|[^A-Za-z0-9._:-])" + subscriberId.replace(".", "\\.") + "($|[^A-Za-z0-9._:-])";
        erased.put("import_rejections", (long) jdbc.update("DELETE FROM usage_import_rejection WHERE raw_row ~ ?",
                whole));
        erased.put("ledger_facts_rekeyed", (long) jdbc.update(
                "UPDATE usage_ledger_fact SET subscriber_id = ? WHERE subscriber_id = ?", subscriberKey, subscriberId));
        String[] lineKeys = lines.stream().map(lineKeyOf).toArray(String[]::new);
        for (int i = 0; i < lineIds.length && !lines.equals(List.of(lineKeys)); i++) {
            // a reason names a line by the key the ledger had for it: for a line of an earlier release, its id (so
            // before the subscriber id, which such a line id may embed)
            jdbc.update("UPDATE usage_parked_ledger SET reason = replace(reason, ?, ?) WHERE subscriber_id = ? "
                    + "AND strpos(reason, ?) > 0", lineIds[i], lineKeys[i], subscriberId, lineIds[i]);
        }
        erased.put("parked_ledgers_rekeyed", (long) jdbc.update(
                "UPDATE usage_parked_ledger SET subscriber_id = ?, ledger_id = ? || '/' || month, "
                + "reason = replace(reason, ?, ?) WHERE subscriber_id = ?", subscriberKey, subscriberKey, subscriberId,
                subscriberKey, subscriberId));
        erased.put("line_months_rekeyed", (long) jdbc.update("UPDATE usage_line_month SET subscriber_id = ? "
                + "WHERE line_id = ANY (?::text[]) AND subscriber_id = ?", subscriberKey, lineIds, subscriberId));
        erased.put("lines_rekeyed", (long) jdbc.update(
                "UPDATE usage_line SET subscriber_id = ? WHERE subscriber_id = ?", subscriberKey, subscriberId));
        long linesRenamed = 0;
        if (!lines.equals(List.of(lineKeys))) {
            for (String table : List.of("usage_ledger_fact", "usage_line_month", "usage_line")) {
                linesRenamed += jdbc.update("UPDATE " + table + " t SET line_id = r.line_key FROM unnest(?::text[], "
                        + "?::text[]) AS r(line_id, line_key) WHERE t.line_id = r.line_id AND t.subscriber_id = ?",
                        lineIds, lineKeys, subscriberKey);
            }
        }
        erased.put("line_ids_rekeyed", linesRenamed);
        registeredLines.forget(lines);
        return erased;
    }
}
