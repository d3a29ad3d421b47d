package org.footprintledger.footprint.internal;

import java.util.List;
import java.util.Optional;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.api.StreamIntegrity;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.axonframework.queryhandling.QueryHandler;
import org.footprintledger.footprint.api.FetchStatementExplanationQuery;
import org.footprintledger.footprint.api.StatementExplanation;
import org.springframework.stereotype.Component;

/** Explains a statement from its ledger stream: each figure with the events it comes from and its checksum. */
@Component
class ExplanationQueryHandler {

    private final StatementHistory history;
    private final PublishedFactorSets factorSets;
    private final StreamVerdicts verdicts;
    private final SubscriberKeys keys;

    ExplanationQueryHandler(StatementHistory history, PublishedFactorSets factorSets, StreamVerdicts verdicts,
                            SubscriberKeys keys) {
        this.keys = keys;
        this.history = history;
        this.factorSets = factorSets;
        this.verdicts = verdicts;
    }

    /** The explanation with its stream's verdict; a broken stream's trace is withheld (no line). */
    @QueryHandler
    Optional<StatementExplanation> handle(FetchStatementExplanationQuery query) {
        String key = keys.keyOf(query.subscriberId()).orElse(null);
        String ledgerId = key == null ? null : LedgerIds.of(key, query.month());
        return history.currentFold(query.subscriberId(), key, query.month())
                .explanation(month -> Optional.of(factorSets.registry().inForceFor(month)))
                .map(explanation -> explanation.of(query.subscriberId()))
                // the stream names the lines by their keys: their ids in one lookup
                .map(explanation -> key == null ? explanation : explanation.withLineIds(keys.lineIdsOf(key)))
                .map(explanation -> explanation.judged(ledgerId == null ? StreamIntegrity.UNCHAINED
                        : verdicts.judge("explanation", List.of(ledgerId)).getOrDefault(ledgerId,
                        new LedgerIntegrity.StreamVerdict(ledgerId, StreamIntegrity.UNCHAINED, null, null))
                        .integrity()));
    }
}
