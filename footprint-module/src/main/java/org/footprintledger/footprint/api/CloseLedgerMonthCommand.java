package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes one subscriber's month: issues its statement under {@code factorSet}. Closing a closed month does nothing. */
public record CloseLedgerMonthCommand(@TargetAggregateIdentifier String ledgerId, String subscriberId,
                                      YearMonth month, FactorSet factorSet, Instant closedAt) {

    public static CloseLedgerMonthCommand of(String subscriberId, YearMonth month, FactorSet factorSet,
                                             Instant closedAt) {
        return new CloseLedgerMonthCommand(LedgerIds.of(subscriberId, month), subscriberId, month, factorSet,
                closedAt);
    }
}
