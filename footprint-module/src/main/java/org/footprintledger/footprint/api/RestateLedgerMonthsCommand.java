package org.footprintledger.footprint.api;

import java.util.List;

/** Restates many ledgers in one unit of work (their streams read in one query), as a month close does. */
public record RestateLedgerMonthsCommand(List<RestateLedgerMonthCommand> ledgers) {

    public RestateLedgerMonthsCommand {
        ledgers = List.copyOf(ledgers);
    }
}
