package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;

/**
 * The statements of a subscriber for the months from {@code from} to {@code to}, both included; with {@code asOf}, as
 * shown at that instant ({@code null}: now).
 */
public record FetchStatementsQuery(String subscriberId, YearMonth from, YearMonth to, Instant asOf) {

    public FetchStatementsQuery(String subscriberId, YearMonth from, YearMonth to) {
        this(subscriberId, from, to, null);
    }
}
