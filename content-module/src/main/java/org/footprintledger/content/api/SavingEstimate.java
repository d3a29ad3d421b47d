package org.footprintledger.content.api;

import java.math.BigDecimal;

/**
 * A tip's estimated saving for one line-month: exact grams (null when the method gives no figure) and the same
 * rounded half-up to the unit for display, with the caveat that goes with it.
 */
public record SavingEstimate(BigDecimal exactGrams, Long displayedGrams, Caveat caveat) {
}
