package org.footprintledger.footprint.api;

import java.util.List;

/** What the customer area shows for one subscriber and one month (contract.md, "Statements"). */
public record MonthlyStatement(String subscriberId, String month, StatementStatus status, List<StatementLine> lines) {
}
