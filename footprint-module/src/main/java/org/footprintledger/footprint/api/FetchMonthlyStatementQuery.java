package org.footprintledger.footprint.api;

import java.time.YearMonth;

public record FetchMonthlyStatementQuery(String subscriberId, YearMonth month) {
}
