package org.footprintledger.footprint.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FetchStatementExplanationQuery;
import org.footprintledger.footprint.api.LineExplanation;
import org.footprintledger.footprint.api.StatementExplanation;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.footprint.domain.FigureExplanation;
import org.footprintledger.footprint.domain.StatementFold;
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
        StatementFold fold = history.fold(query.subscriberId(), query.month(), Instant.MAX);
        FactorSet set = fold.statementFactorSet().orElseGet(() -> factorSets.registry().inForceFor(query.month()));
        List<LineExplanation> lines = new ArrayList<>();
        fold.figures(set).forEach((lineId, figures) -> lines.add(FigureExplanation.of(figures, set,
                fold.ledgerEventIdsOf(lineId), fold.correctionsOf(lineId))));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StatementExplanation(query.subscriberId(), query.month().toString(),
                fold.closed() ? StatementStatus.CLOSED : StatementStatus.OPEN, lines));
    }
}
