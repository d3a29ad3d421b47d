package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.util.List;
import org.footprintledger.footprint.api.Canonical;
import org.footprintledger.footprint.api.Correction;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.footprint.api.FigureChecksum;
import org.footprintledger.footprint.api.LineExplanation;
import org.footprintledger.footprint.api.StatementFigures;

/** Writes out how one figure follows from its inputs: the formula with its numbers, the rounding, the checksum. */
public final class FigureExplanation {

    public static final String ROUNDING_RULE = "Affichage : Go et g éqCO2 arrondis à l'unité la plus proche, "
            + "demi vers le haut (0,5 → 1) ; les valeurs exactes sont conservées et seules affichées arrondies.";

    private FigureExplanation() {
    }

    public static LineExplanation of(StatementFigures figures, FactorSet set, List<String> ledgerEventIds,
                                     List<Correction> corrections) {
        FactorValue factor = set.valueFor(figures.lineType(), figures.technology());
        return new LineExplanation(figures, set.id(), set.name(), set.method(), set.octetsPerGo(), factor,
                formula(figures, factor, set.octetsPerGo()), rounding(figures), List.copyOf(ledgerEventIds),
                List.copyOf(corrections), FigureChecksum.of(figures, set.id(), factor, set.octetsPerGo()));
    }

    static String formula(StatementFigures figures, FactorValue factor, BigDecimal octetsPerGo) {
        String fixedPart = figures.records() > 0 ? Canonical.decimal(factor.gramsPerLineMonth()) : "0";
        return "Go = " + figures.bytes() + " octets / " + Canonical.decimal(octetsPerGo) + " octets par Go = "
                + figures.exactGo()
                + " ; g éqCO2 = part fixe " + fixedPart + " g (ligne utilisée dans le mois : "
                + (figures.records() > 0 ? "oui, " + figures.records() + " enregistrements" : "non") + ") + "
                + Canonical.decimal(factor.gramsPerGo()) + " g/Go × " + figures.exactGo() + " Go = "
                + figures.exactGrams();
    }

    static String rounding(StatementFigures figures) {
        return figures.exactGo() + " Go → " + figures.dataGo() + " Go ; " + figures.exactGrams() + " g → "
                + figures.co2eGrams() + " g éqCO2. " + ROUNDING_RULE;
    }
}
