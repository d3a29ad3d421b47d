package org.footprintledger.content.domain;

import java.math.BigDecimal;
import org.footprintledger.content.api.EquivalenceInput;
import org.footprintledger.content.api.Lang;

/** One version of a catalogue entry, as the selection uses it. */
public record Equivalence(long itemId, int version, EquivalenceInput content) {

    /** How many units make {@code grams}: grams / (kg CO2e per unit x 1 000), exact to 12 decimals. */
    public BigDecimal countFor(BigDecimal grams) {
        BigDecimal gramsPerUnit = content.kgCo2ePerUnit().movePointRight(3);
        return grams.divide(gramsPerUnit, 12, java.math.RoundingMode.HALF_UP);
    }

    /** "≈ 3 km en voiture thermique"; English falls back to French when the entry has no English label. */
    public String wording(BigDecimal rounded, Lang lang) {
        boolean english = lang == Lang.EN && content.labelEnSingular() != null;
        Lang used = english ? Lang.EN : Lang.FR;
        boolean plural = CountRounding.plural(rounded, used);
        String label = english
                ? (plural ? content.labelEnPlural() : content.labelEnSingular())
                : (plural ? content.labelFrPlural() : content.labelFrSingular());
        return "≈ " + CountRounding.format(rounded, used) + " " + label;
    }
}
