package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;

/** One month's statement; with {@code asOf}, as the subscriber was shown it at that instant ({@code null}: now). */
public record FetchMonthlyStatementQuery(String subscriberId, YearMonth month, Instant asOf) {

    public FetchMonthlyStatementQuery(String subscriberId, YearMonth month) {
        this(subscriberId, month, null);
    }
}
