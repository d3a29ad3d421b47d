package org.footprintledger.content.api;

import java.math.BigDecimal;

/**
 * One equivalence shown with a statement line, as bound to it: the catalogue entry and version used, the exact count
 * (grams / (kg per unit x 1000)), the displayed count after the rounding rule, and the wording in both languages.
 */
public record ChosenEquivalence(
        long itemId,
        int version,
        BigDecimal exactCount,
        BigDecimal displayedCount,
        String wordingFr,
        String wordingEn) {

    public String wording(Lang lang) {
        return lang == Lang.EN && wordingEn != null ? wordingEn : wordingFr;
    }
}
