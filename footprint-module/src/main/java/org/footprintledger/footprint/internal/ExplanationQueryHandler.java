package org.footprintledger.footprint.internal;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.footprintledger.footprint.api.FetchStatementExplanationQuery;
import org.footprintledger.footprint.api.StatementExplanation;
import org.springframework.stereotype.Component;

/** Explains a statement from its ledger stream: each figure with the events it comes from and its checksum. */
@Component
class ExplanationQueryHandler {

    private final StatementHistory history;
    private final PublishedFactorSets factorSets;

    ExplanationQueryHandler(StatementHistory history, PublishedFactorSets factorSets) {
        this.history = history;
        this.factorSets = factorSets;
    }

    @QueryHandler
    Optional<StatementExplanation> handle(FetchStatementExplanationQuery query) {
        return history.currentFold(query.subscriberId(), query.month())
                .explanation(month -> Optional.of(factorSets.registry().inForceFor(month)));
    }
}
