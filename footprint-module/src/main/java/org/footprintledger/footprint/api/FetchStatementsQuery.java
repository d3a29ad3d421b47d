package org.footprintledger.footprint.api;

import java.time.YearMonth;

/** The statements of a subscriber for the months from {@code from} to {@code to}, both included. */
public record FetchStatementsQuery(String subscriberId, YearMonth from, YearMonth to) {
}
