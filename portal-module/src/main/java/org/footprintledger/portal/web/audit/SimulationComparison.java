package org.footprintledger.portal.web.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footprintledger.footprint.api.Canonical;
import org.footprintledger.footprint.api.Simulations.MonthReport;
import org.footprintledger.footprint.api.Simulations.SimulationJob;
import org.footprintledger.footprint.api.Simulations.SimulationReport;

/**
 * Two simulations side by side, month by month over the union of their periods: each one's report of the month (null
 * where its period does not reach), and the exact difference of their totals after (b − a) where both have the month.
 */
record SimulationComparison(SimulationJob a, SimulationJob b, String factorSetA, String factorSetB,
                            List<MonthSideBySide> months) {

    record MonthSideBySide(String month, MonthReport a, MonthReport b, String exactGramsAfterBMinusA) {
    }

    static SimulationComparison of(SimulationReport a, SimulationReport b) {
        Map<String, MonthReport[]> byMonth = new TreeMap<>();
        a.months().forEach(m -> byMonth.computeIfAbsent(m.month(), k -> new MonthReport[2])[0] = m);
        b.months().forEach(m -> byMonth.computeIfAbsent(m.month(), k -> new MonthReport[2])[1] = m);
        List<MonthSideBySide> months = new ArrayList<>();
        byMonth.forEach((month, pair) -> months.add(new MonthSideBySide(month, pair[0], pair[1],
                pair[0] == null || pair[1] == null ? null : Canonical.decimal(
                        new BigDecimal(pair[1].exactGramsAfter()).subtract(new BigDecimal(pair[0].exactGramsAfter()))))));
        return new SimulationComparison(a.simulation(), b.simulation(), a.factorSet().id(), b.factorSet().id(),
                List.copyOf(months));
    }
}
