package org.footprintledger.footprint.api;

import java.util.List;

/** What the ledger knows of each figure of a statement (the usage by day comes from the usage module). */
public record StatementExplanation(String subscriberId, String month, StatementStatus status,
                                   List<LineExplanation> lines) {
}
