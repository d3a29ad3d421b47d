package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.footprintledger.footprint.api.Canonical;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.Simulations.LineChange;
import org.footprintledger.footprint.api.Simulations.MonthReport;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

/**
 * One month of a simulation: each closed line's figure as shown, against the figure the simulated set gives on the
 * line's counted usage, computed by the ledger's own formula ({@link LineMonthFootprint#compute}), exactly. A line
 * changes when its exact grams differ; a statement changes when one of its lines does.
 *
 * <p>Percent differences are (after − before) / before × 100, rounded half-up to 4 decimals (display only).
 */
public final class SimulatedMonth {

    static final int PERCENT_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String month;
    private final FactorSet set;
    private final int largestKept;
    private BigDecimal[] gramDifferences = new BigDecimal[1024];
    private BigDecimal[] percentDifferences = new BigDecimal[1024];
    private int lines;
    private int percents;
    private long linesChanged;
    private BigDecimal before = BigDecimal.ZERO;
    private BigDecimal after = BigDecimal.ZERO;
    private long displayedBefore;
    private long displayedAfter;
    private final Set<String> statements = new HashSet<>();
    private final Set<String> statementsChanged = new HashSet<>();
    /** The largest changes so far, smallest first; their texts are written only for those kept at the end. */
    private final PriorityQueue<Candidate> largest;

    private record Candidate(BigDecimal magnitude, String subscriberId, String lineId, LineType lineType,
                             Technology technology, BigDecimal shown, LineMonthFootprint simulated,
                             BigDecimal difference) {

        LineChange change() {
            return new LineChange(subscriberId, lineId, lineType.name(), technology == null ? null : technology.code(),
                    Canonical.decimal(shown), Canonical.decimal(simulated.co2eGrams()),
                    LineMonthFootprint.roundForDisplay(shown), simulated.displayedGrams(),
                    Canonical.decimal(difference));
        }
    }

    public SimulatedMonth(String month, FactorSet set, int largestKept) {
        this.month = month;
        this.set = set;
        this.largestKept = largestKept;
        this.largest = new PriorityQueue<>(Comparator.comparing(Candidate::magnitude));
    }

    /** The figure the simulated set gives to a line's counted usage (the ledger's formula), exact. */
    public static LineMonthFootprint simulated(FactorSet set, LineType lineType, Technology technology, long bytes,
                                               long records) {
        return LineMonthFootprint.compute(set, lineType, technology, bytes, records);
    }

    /** Adds one closed line: the exact grams it shows, and its counted usage. */
    public void add(String subscriberId, String lineId, LineType lineType, Technology technology, String shownExact,
                    long bytes, long records) {
        BigDecimal shown = new BigDecimal(shownExact);
        LineMonthFootprint simulated = simulated(set, lineType, technology, bytes, records);
        BigDecimal difference = simulated.co2eGrams().subtract(shown);
        before = before.add(shown);
        after = after.add(simulated.co2eGrams());
        displayedBefore += LineMonthFootprint.roundForDisplay(shown);
        displayedAfter += simulated.displayedGrams();
        statements.add(subscriberId);
        gramDifferences = room(gramDifferences, lines);
        gramDifferences[lines++] = difference;
        if (shown.signum() != 0) {
            percentDifferences = room(percentDifferences, percents);
            percentDifferences[percents++] = percentOf(difference, shown);
        }
        if (difference.signum() != 0) {
            linesChanged++;
            statementsChanged.add(subscriberId);
            keepIfLargest(subscriberId, lineId, lineType, technology, shown, simulated, difference);
        }
    }

    /** (after − before) / before × 100, half-up to 4 decimals; null when before is 0. */
    public static String changePercent(BigDecimal before, BigDecimal after) {
        return before.signum() == 0 ? null : Canonical.decimal(percentOf(after.subtract(before), before));
    }

    private static BigDecimal percentOf(BigDecimal difference, BigDecimal base) {
        return difference.multiply(HUNDRED).divide(base, PERCENT_SCALE, RoundingMode.HALF_UP);
    }

    private void keepIfLargest(String subscriberId, String lineId, LineType lineType, Technology technology,
                               BigDecimal shown, LineMonthFootprint simulated, BigDecimal difference) {
        BigDecimal magnitude = difference.abs();
        if (largest.size() == largestKept && magnitude.compareTo(largest.peek().magnitude()) <= 0) {
            return;
        }
        largest.add(new Candidate(magnitude, subscriberId, lineId, lineType, technology, shown, simulated,
                difference));
        if (largest.size() > largestKept) {
            largest.poll();
        }
    }

    private static BigDecimal[] room(BigDecimal[] values, int used) {
        return used < values.length ? values : Arrays.copyOf(values, values.length * 2);
    }

    public long lines() {
        return lines;
    }

    public MonthReport report(boolean closed) {
        List<Candidate> kept = new ArrayList<>(largest);
        kept.sort(Comparator.comparing(Candidate::magnitude).reversed()
                .thenComparing(Candidate::subscriberId).thenComparing(Candidate::lineId));
        List<LineChange> largestFirst = kept.stream().map(Candidate::change).toList();
        return new MonthReport(month, closed, lines, linesChanged, statements.size(), statementsChanged.size(),
                Canonical.decimal(before), Canonical.decimal(after), displayedBefore, displayedAfter,
                Canonical.decimal(after.subtract(before)), changePercent(before, after),
                NearestRank.of(gramDifferences, lines), NearestRank.of(percentDifferences, percents),
                largestFirst);
    }
}
