package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes one subscriber's month: issues its statement under {@code factorSet}. Closing a closed month does nothing.
 *
 * @param counted the usage the statement states, line by line, as the usage store counted it (the month close gives
 *                it); {@code null} to state the usage the ledger accrued itself (a ledger created by late usage after
 *                its month was closed)
 */
public record CloseLedgerMonthCommand(@TargetAggregateIdentifier String ledgerId, String subscriberId,
                                      YearMonth month, FactorSet factorSet, Instant closedAt,
                                      List<LineMonthUsage> counted) {

    public CloseLedgerMonthCommand {
        counted = counted == null ? null : List.copyOf(counted);
    }

    /** Closes with the usage the ledger accrued itself. */
    public static CloseLedgerMonthCommand of(String subscriberId, YearMonth month, FactorSet factorSet,
                                             Instant closedAt) {
        return new CloseLedgerMonthCommand(LedgerIds.of(subscriberId, month), subscriberId, month, factorSet,
                closedAt, null);
    }

    /** Closes with the usage the usage store counted for the month. */
    public static CloseLedgerMonthCommand counting(SubscriberMonthUsage usage, FactorSet factorSet,
                                                   Instant closedAt) {
        return new CloseLedgerMonthCommand(LedgerIds.of(usage.subscriberId(), usage.month()), usage.subscriberId(),
                usage.month(), factorSet, closedAt, usage.lines());
    }
}
