package org.footprintledger.footprint.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.footprint.api.LineUsageFact;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.footprintledger.footprint.api.UsageLedger;
import org.springframework.stereotype.Component;

/**
 * {@link UsageLedger} over Axon's command bus: one batch command per call, handled in one unit of work, naming each
 * subscriber and each line by its key (all the batch's subscriber and line ids resolved in one statement,
 * {@link SubscriberKeys}).
 */
@Component
class CommandBusUsageLedger implements UsageLedger {

    private final CommandGateway commands;
    private final SubscriberKeys keys;

    CommandBusUsageLedger(CommandGateway commands, SubscriberKeys keys) {
        this.commands = commands;
        this.keys = keys;
    }

    @Override
    public void accrue(String batchId, List<LineUsageFact> facts) {
        Map<String, String> subscriberOfLine = new HashMap<>();
        facts.forEach(fact -> subscriberOfLine.put(fact.lineId(), fact.subscriberId()));
        SubscriberKeys.Keys named = keys.keysOf(List.of(), subscriberOfLine);
        Map<String, String> keyOf = named.subscriberKeys();
        Map<String, String> lineKeyOf = named.lineKeys();
        commands.sendAndWait(new AccrueUsageBatchCommand(batchId, facts.stream()
                .map(fact -> AccrueLineUsageCommand.of(keyOf.get(fact.subscriberId()), fact.month(),
                        lineKeyOf.get(fact.lineId()),
                        fact.lineType(), fact.technology(), fact.bytesDelta(), fact.recordsDelta(),
                        fact.estimatedRecordsDelta(), batchId))
                .toList()));
    }
}
