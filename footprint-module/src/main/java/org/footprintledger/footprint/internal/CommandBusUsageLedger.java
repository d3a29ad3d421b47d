package org.footprintledger.footprint.internal;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.footprint.api.LineUsageFact;
import org.footprintledger.footprint.api.UsageLedger;
import org.springframework.stereotype.Component;

/** {@link UsageLedger} over Axon's command bus: one batch command per call, handled in one unit of work. */
@Component
class CommandBusUsageLedger implements UsageLedger {

    private final CommandGateway commands;

    CommandBusUsageLedger(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public void accrue(String batchId, List<LineUsageFact> facts) {
        commands.sendAndWait(new AccrueUsageBatchCommand(batchId, facts.stream()
                .map(fact -> AccrueLineUsageCommand.of(fact.subscriberId(), fact.month(), fact.lineId(),
                        fact.lineType(), fact.technology(), fact.bytesDelta(), fact.recordsDelta(),
                        fact.estimatedRecordsDelta(), batchId))
                .toList()));
    }
}
