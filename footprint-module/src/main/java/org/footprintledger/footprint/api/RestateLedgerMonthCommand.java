package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Recomputes a closed statement under another factor set; every figure that changes gets a correction. */
public record RestateLedgerMonthCommand(@TargetAggregateIdentifier String ledgerId, String subscriberId,
                                        YearMonth month, FactorSet factorSet, String reason, Instant restatedAt) {

    public static RestateLedgerMonthCommand of(String subscriberId, YearMonth month, FactorSet factorSet,
                                               String reason, Instant restatedAt) {
        return new RestateLedgerMonthCommand(LedgerIds.of(subscriberId, month), subscriberId, month, factorSet,
                reason, restatedAt);
    }
}
