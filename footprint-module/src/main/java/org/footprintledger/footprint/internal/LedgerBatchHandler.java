package org.footprintledger.footprint.internal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Repository;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.AccrueUsageBatchCommand;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of facts to many ledgers in one unit of work. Each ledger is loaded once per unit of work (Axon keeps
 * it for the rest of the batch), and its own command handler decides, so the rules are the same as one by one.
 */
@Component
class LedgerBatchHandler {

    private final Configuration axon;
    private final PrefetchingEventStorageEngine eventStore;

    LedgerBatchHandler(@Lazy Configuration axon, PrefetchingEventStorageEngine eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    @CommandHandler
    void handle(AccrueUsageBatchCommand batch) throws Exception {
        Repository<SubscriberMonthLedger> ledgers = axon.repository(SubscriberMonthLedger.class);
        eventStore.prefetch(batch.facts().stream().map(AccrueLineUsageCommand::ledgerId).distinct().toList());
        try {
            for (AccrueLineUsageCommand fact : batch.facts()) {
                ledgers.loadOrCreate(fact.ledgerId(), SubscriberMonthLedger::new)
                        .execute(ledger -> ledger.handle(fact));
            }
        } finally {
            eventStore.forget();
        }
    }
}
