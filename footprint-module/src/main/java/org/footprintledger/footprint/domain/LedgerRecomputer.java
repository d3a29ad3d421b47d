package org.footprintledger.footprint.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LedgerRecomputation;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementIssuedEvent;

/**
 * {@link LedgerRecomputation} with the ledger's own code: {@link StatementFold} for the statement and its trace,
 * {@link LineMonthFootprint} for each figure an event states (issued lines, and the new figures of a correction), from
 * the usage totals and the factor set the event carries. Registered in {@code META-INF/services}.
 */
public final class LedgerRecomputer implements LedgerRecomputation {

    @Override
    public Recomputed recompute(List<Object> events) {
        StatementFold fold = new StatementFold();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (Object event : events) {
            if (event instanceof StatementIssuedEvent issued) {
                issued.lines().forEach(line -> check(line, issued.factorSet(), "StatementIssued", problems));
            } else if (event instanceof StatementCorrectedEvent corrected) {
                check(corrected.to(), corrected.factorSet(), "StatementCorrected", problems);
            }
            fold.apply(event, "event-" + index++, Instant.EPOCH);
        }
        // an open stream has no set of its own: its figures are the usage store's, not the ledger's
        return new Recomputed(fold.statement(month -> Optional.empty()).orElse(null),
                fold.explanation(month -> Optional.empty()).orElse(null), List.copyOf(problems));
    }

    private static void check(StatementFigures stated, FactorSet set, String event, List<String> problems) {
        StatementFigures recomputed = LineMonthFootprint.figures(set, stated.lineId(), stated.lineType(),
                stated.technology(), stated.bytes(), stated.records(), stated.estimatedRecords());
        if (!recomputed.equals(stated)) {
            problems.add(event + " line " + stated.lineId() + " states " + stated.exactGrams() + " g ("
                    + stated.co2eGrams() + " shown) but " + stated.bytes() + " octets and " + stated.records()
                    + " records under " + set.id() + " give " + recomputed.exactGrams() + " g ("
                    + recomputed.co2eGrams() + ")");
        }
    }
}
