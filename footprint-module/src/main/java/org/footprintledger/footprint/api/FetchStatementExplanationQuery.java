package org.footprintledger.footprint.api;

import java.time.YearMonth;

/** The trace of every figure of one statement, rebuilt from the ledger stream. */
public record FetchStatementExplanationQuery(String subscriberId, YearMonth month) {
}
