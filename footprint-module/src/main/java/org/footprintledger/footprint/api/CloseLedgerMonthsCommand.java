package org.footprintledger.footprint.api;

import java.util.List;

/** Closes many ledgers in one unit of work (their streams read in one query); answers how many were newly closed. */
public record CloseLedgerMonthsCommand(List<CloseLedgerMonthCommand> ledgers) {

    public CloseLedgerMonthsCommand {
        ledgers = List.copyOf(ledgers);
    }
}
