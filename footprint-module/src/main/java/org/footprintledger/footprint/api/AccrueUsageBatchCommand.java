package org.footprintledger.footprint.api;

import java.util.List;

/**
 * Many usage facts for many ledgers, handled in one unit of work: one transaction, one commit, the events of every
 * ledger appended together. This is how bulk usage reaches the ledger at speed (stack.md: throughput comes from
 * events per unit of work). Facts for one ledger are applied in the order given.
 */
public record AccrueUsageBatchCommand(String batchId, List<AccrueLineUsageCommand> facts) {

    public AccrueUsageBatchCommand {
        facts = List.copyOf(facts);
    }
}
