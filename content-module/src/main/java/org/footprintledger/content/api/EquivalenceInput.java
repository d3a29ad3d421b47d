package org.footprintledger.content.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an editor writes for one equivalence: labels in French (required) and English (optional), singular and plural
 * ("km en voiture thermique"), the value in kg CO2e per unit, the unit, its source and the date it is valid from.
 */
public record EquivalenceInput(
        String key,
        String labelFrSingular,
        String labelFrPlural,
        String labelEnSingular,
        String labelEnPlural,
        BigDecimal kgCo2ePerUnit,
        String unit,
        String source,
        LocalDate validFrom) {
}
