package org.footprintledger.portal.web.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.footprintledger.footprint.api.Simulations.Distribution;
import org.footprintledger.footprint.api.Simulations.MonthReport;

/**
 * The box plots of a simulation's per-line differences in grams, one row per month, on one scale, as coordinates for
 * an inline SVG (the page shows the same figures in a table beside it). Coordinates are for drawing only: the figures
 * themselves are printed from the exact values.
 */
record DistributionChart(int width, int height, double zeroX, List<Row> rows) {

    static final int LABEL = 80;
    static final int ROW = 34;
    static final int PLOT = 520;

    record Row(String month, double y, double minX, double q1X, double medianX, double q3X, double p95X,
               double maxX, String label) {
    }

    static DistributionChart of(List<MonthReport> months) {
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        for (MonthReport month : months) {
            Distribution d = month.differenceGrams();
            if (d != null && d.count() > 0) {
                low = low.min(new BigDecimal(d.min()));
                high = high.max(new BigDecimal(d.max()));
            }
        }
        double from = low.doubleValue();
        double span = Math.max(high.doubleValue() - from, 1);
        List<Row> rows = new ArrayList<>();
        int index = 0;
        for (MonthReport month : months) {
            Distribution d = month.differenceGrams();
            if (d == null || d.count() == 0) {
                continue;
            }
            double y = 10 + index++ * ROW;
            rows.add(new Row(month.month(), y, x(d.min(), from, span), x(d.q1(), from, span),
                    x(d.median(), from, span), x(d.q3(), from, span), x(d.p95(), from, span), x(d.max(), from, span),
                    month.month() + ": min " + d.min() + ", q1 " + d.q1() + ", median " + d.median() + ", q3 "
                            + d.q3() + ", p95 " + d.p95() + ", max " + d.max()));
        }
        return new DistributionChart(LABEL + PLOT + 20, 20 + Math.max(index, 1) * ROW, x("0", from, span),
                List.copyOf(rows));
    }

    private static double x(String value, double from, double span) {
        return Math.round((LABEL + (new BigDecimal(value).doubleValue() - from) / span * PLOT) * 10) / 10.0;
    }
}
