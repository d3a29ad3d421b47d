package org.footprintledger.footprint.api;

import java.math.BigDecimal;

/**
 * The checksum of one explained figure: SHA-256 over the usage totals, the factor set and value applied, the unit,
 * and the exact and rounded results. Anyone holding the explanation recomputes the figure, then this checksum, and
 * gets the same value, or knows the figure does not follow from its inputs.
 */
public final class FigureChecksum {

    private FigureChecksum() {
    }

    public static String of(StatementFigures figures, String factorSetId, FactorValue factor, BigDecimal octetsPerGo) {
        return LedgerChain.link(LedgerChain.GENESIS,
                Canonical.join(figures.canonical(), factorSetId, factor.canonical(), octetsPerGo));
    }
}
