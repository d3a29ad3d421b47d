package org.footprintledger.portal.web.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The geometry of a small bar chart drawn as inline SVG (viewBox {@value #WIDTH} x {@value #HEIGHT}): one bar per
 * month, scaled to the largest value; months without a value have no bar. The chart's data table is its text
 * alternative, so the SVG carries only a title and a description.
 */
public record BarChart(long max, List<Bar> bars) {

    static final int WIDTH = 480;
    static final int HEIGHT = 150;
    static final int AXIS = 20;

    /** A bar: its slot's x, its top y and height, the month's label, and whether the month is still open. */
    public record Bar(String month, int x, int width, int y, int height, int labelX, Long value, boolean open) {
    }

    static BarChart of(List<CustomerAreaPage.HistoryPoint> points,
                       Function<CustomerAreaPage.HistoryPoint, Long> value) {
        long max = points.stream().map(value).filter(v -> v != null).mapToLong(Long::longValue).max().orElse(0);
        int slot = WIDTH / Math.max(1, points.size());
        int width = Math.max(4, slot * 3 / 5);
        int plot = HEIGHT - AXIS - 4;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            CustomerAreaPage.HistoryPoint point = points.get(i);
            Long v = value.apply(point);
            int height = v == null || max == 0 ? 0 : (int) Math.max(v > 0 ? 1 : 0, Math.round((double) v / max * plot));
            int x = i * slot + (slot - width) / 2;
            bars.add(new Bar(point.month(), x, width, HEIGHT - AXIS - height, height, i * slot + slot / 2, v,
                    !point.closed()));
        }
        return new BarChart(max, List.copyOf(bars));
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int baseline() {
        return HEIGHT - AXIS;
    }

    public int labelY() {
        return HEIGHT - 5;
    }
}
