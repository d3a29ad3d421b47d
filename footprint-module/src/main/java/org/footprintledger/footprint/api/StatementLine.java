package org.footprintledger.footprint.api;

import java.util.List;

/**
 * The four legal items for one line and month: type label, data in Go rounded to the unit (with the estimated flag),
 * g éqCO2 rounded to the unit, and the method summary; plus the exact figures they were rounded from.
 */
public record StatementLine(
        String lineId,
        LineType lineType,
        String label,
        long dataGo,
        boolean estimated,
        long co2eGrams,
        ExactFigures exact,
        String factorSetId,
        String methodSummary,
        List<Correction> corrections) {
}
