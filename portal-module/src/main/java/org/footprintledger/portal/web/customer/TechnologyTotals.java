package org.footprintledger.portal.web.customer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footprintledger.usage.api.DailyUsage;

/** A month's usage summed per access technology: the records, estimated records and octets of each. */
public record TechnologyTotals(String technology, long days, long records, long estimatedRecords, long bytes) {

    static List<TechnologyTotals> of(List<DailyUsage> days) {
        Map<String, long[]> byTechnology = new TreeMap<>();
        for (DailyUsage day : days) {
            long[] sums = byTechnology.computeIfAbsent(day.technology() == null ? "" : day.technology(),
                    k -> new long[4]);
            sums[0]++;
            sums[1] += day.records();
            sums[2] += day.estimatedRecords();
            sums[3] += day.bytes();
        }
        return byTechnology.entrySet().stream().map(e -> new TechnologyTotals(e.getKey().isEmpty() ? null : e.getKey(),
                e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
    }
}
