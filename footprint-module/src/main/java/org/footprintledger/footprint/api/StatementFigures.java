package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

/**
 * The figures of one line-month as a statement shows them: the usage totals, the exact values and the values rounded
 * for display (half-up to the unit), and the factor value they were computed with.
 *
 * @param exactGo    octets divided by the method's octets per Go, exact, as a plain decimal
 * @param exactGrams fixed part + variable part x Go, exact, as a plain decimal
 */
public record StatementFigures(String lineId, LineType lineType, Technology technology, long bytes, long records,
                               long estimatedRecords, String exactGo, String exactGrams, long dataGo,
                               long co2eGrams) {

    public boolean estimated() {
        return estimatedRecords > 0;
    }

    String canonical() {
        return Canonical.join(lineId, lineType, technology == null ? "" : technology.code(), bytes, records,
                estimatedRecords, exactGo, exactGrams, dataGo, co2eGrams);
    }

    /** The same figures under another name for the line (its id again, for the subscriber the ledger's key names). */
    public StatementFigures named(String name) {
        return new StatementFigures(name, lineType, technology, bytes, records, estimatedRecords, exactGo, exactGrams,
                dataGo, co2eGrams);
    }
}
