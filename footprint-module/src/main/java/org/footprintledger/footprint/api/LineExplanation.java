package org.footprintledger.footprint.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The trace of one line's figures: the totals and results, the factor set and value applied, the formula with its
 * numbers, the rounding rule, the ledger events the figures come from, the corrections, and the checksum a
 * recomputation reproduces ({@link FigureChecksum}).
 */
public record LineExplanation(StatementFigures figures, String factorSetId, String factorSetName, String method,
                              BigDecimal octetsPerGo, FactorValue factor, String formula, String rounding,
                              List<String> ledgerEventIds, List<Correction> corrections, String checksum) {

    /**
     * The same trace under another name for the line (its id again, for the subscriber the ledger's key names), with
     * the checksum of the figures as told, so that a recomputation from what the subscriber holds reproduces it.
     */
    public LineExplanation named(String name) {
        if (name.equals(figures.lineId())) {
            return this;
        }
        StatementFigures renamed = figures.named(name);
        return new LineExplanation(renamed, factorSetId, factorSetName, method, octetsPerGo, factor, formula, rounding,
                ledgerEventIds, corrections, FigureChecksum.of(renamed, factorSetId, factor, octetsPerGo));
    }
}
