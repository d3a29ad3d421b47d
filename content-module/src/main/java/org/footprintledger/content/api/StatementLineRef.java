package org.footprintledger.content.api;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The statement line content is shown with: who, which month and line, the statement revision (an opaque string
 * from the caller; the portal passes the exact grams of the line), the exact grams, and the line as tips see it.
 */
public record StatementLineRef(
        String subscriberId,
        YearMonth month,
        String lineId,
        String statementRevision,
        BigDecimal exactGrams,
        TipContext tipContext) {
}
