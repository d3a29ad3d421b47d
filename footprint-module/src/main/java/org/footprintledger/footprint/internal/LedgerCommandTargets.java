package org.footprintledger.footprint.internal;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthCommand;
import org.footprintledger.footprint.api.RestateLedgerMonthCommand;

/**
 * The ledger a command is for, read from the command's own field: Axon's default resolver looks the
 * {@code @TargetAggregateIdentifier} and {@code @TargetAggregateVersion} members up by reflection for every command
 * (measured: a fifth of a batch's CPU once each ledger's command travels the bus). Any other command of the ledger
 * is resolved by its annotations, as by default. Ledger commands carry no expected version.
 */
final class LedgerCommandTargets implements CommandTargetResolver {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload instanceof AccrueLineUsageCommand accrue) {
            return new VersionedAggregateIdentifier(accrue.ledgerId(), null);
        }
        if (payload instanceof CloseLedgerMonthCommand close) {
            return new VersionedAggregateIdentifier(close.ledgerId(), null);
        }
        if (payload instanceof RestateLedgerMonthCommand restate) {
            return new VersionedAggregateIdentifier(restate.ledgerId(), null);
        }
        return annotations.resolveTarget(command);
    }
}
