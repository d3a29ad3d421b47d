package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;

import java.util.List;

/**
 * The four legal items for one line and month: type label, data in Go rounded to the unit (with the estimated flag),
 * g éqCO2 rounded to the unit, and the method summary; plus the exact figures they were rounded from, and the access
 * technology the factor was chosen for ({@code technology}: the feed's code, e.g. {@code 4G}, {@code null} when no
 * record named one; an addition to contract.md).
 */
public record StatementLine(
        String lineId,
        LineType lineType,
        String label,
        String technology,
        long dataGo,
        boolean estimated,
        long co2eGrams,
        ExactFigures exact,
        String factorSetId,
        String methodSummary,
        List<Correction> corrections) {

    /** The same line under another name (its id again, for the subscriber the ledger's key names). */
    public StatementLine named(String name) {
        return new StatementLine(name, lineType, label, technology, dataGo, estimated, co2eGrams, exact, factorSetId,
                methodSummary, corrections);
    }
}
