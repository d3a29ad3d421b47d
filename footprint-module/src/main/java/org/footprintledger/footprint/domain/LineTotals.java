package org.footprintledger.footprint.domain;

import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LineMonthUsage;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.vocabulary.Technology;

/**
 * Running totals of one line within a ledger month; never negative. The technology is the one of the latest fact that
 * named one: it chooses the factor value when a set has values per technology.
 */
record LineTotals(LineType lineType, Technology technology, long bytes, long records, long estimatedRecords) {

    static LineTotals empty(LineType lineType) {
        return new LineTotals(lineType, null, 0, 0, 0);
    }

    /** The totals an accrual event states (its technology, or the one known before when it names none). */
    static LineTotals after(LineUsageAccruedEvent event, LineTotals before) {
        return new LineTotals(event.lineType(),
                event.technology() != null || before == null ? event.technology() : before.technology(),
                event.bytesTotal(), event.recordsTotal(), event.estimatedRecordsTotal());
    }

    /** The totals the usage store counted. */
    static LineTotals of(LineMonthUsage usage) {
        return new LineTotals(usage.lineType(), usage.technology(), usage.bytes(), usage.records(),
                usage.estimatedRecords());
    }

    /** The totals a statement states for a line: from then on, late usage adds to them. */
    static LineTotals stated(StatementFigures figures) {
        return new LineTotals(figures.lineType(), figures.technology(), figures.bytes(), figures.records(),
                figures.estimatedRecords());
    }

    /** The figures of these totals under a factor set. */
    StatementFigures figures(String lineId, FactorSet factorSet) {
        return LineMonthFootprint.figures(factorSet, lineId, lineType, technology, bytes, records, estimatedRecords);
    }

    LineTotals plus(Technology factTechnology, long bytesDelta, long recordsDelta, long estimatedRecordsDelta) {
        LineTotals next = new LineTotals(lineType, factTechnology == null ? technology : factTechnology,
                Math.addExact(bytes, bytesDelta), Math.addExact(records, recordsDelta),
                Math.addExact(estimatedRecords, estimatedRecordsDelta));
        if (next.bytes < 0 || next.records < 0 || next.estimatedRecords < 0 || next.estimatedRecords > next.records) {
            throw new NegativeUsageException(next.bytes, next.records, next.estimatedRecords);
        }
        return next;
    }
}
