package org.footprintledger.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds JSON batches of the usage feed the way the mediation system sends them. */
public final class UsageFeed {

    private final List<Map<String, Object>> records = new ArrayList<>();

    public static UsageFeed batch() {
        return new UsageFeed();
    }

    public UsageFeed mobile(String recordId, String subscriber, String line, String date, long down, long up,
                            boolean estimated) {
        return record(recordId, subscriber, line, "MOBILE", "4G", date, down, up, estimated, null);
    }

    public UsageFeed fixed(String recordId, String subscriber, String line, String date, long down, long up) {
        return record(recordId, subscriber, line, "FIXED", "FTTH", date, down, up, false, null);
    }

    public UsageFeed record(String recordId, String subscriber, String line, String lineType, String technology,
                            String date, long down, long up, boolean estimated, String replaces) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordId", recordId);
        record.put("subscriberId", subscriber);
        record.put("lineId", line);
        record.put("lineType", lineType);
        record.put("technology", technology);
        record.put("usageDate", date);
        record.put("bytesDown", down);
        record.put("bytesUp", up);
        record.put("estimated", estimated);
        record.put("replaces", replaces);
        records.add(record);
        return this;
    }

    public Map<String, Object> body() {
        return Map.of("records", records);
    }
}
