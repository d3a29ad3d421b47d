package org.footprintledger.footprint.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.footprintledger.footprint.api.Correction;
import org.footprintledger.footprint.api.ExactFigures;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LineExplanation;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementExplanation;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.footprint.api.SubscriberMonthUsage;

/**
 * A month's statement rebuilt from its ledger events, in order: what the subscriber saw once the events up to some
 * instant had happened. Open lines are computed with the factor set the caller says was in force; closed lines show the
 * figures issued or corrected, with their corrections.
 */
public final class StatementFold {

    private final String subscriberId;
    private final YearMonth month;
    private final Map<String, LineTotals> lines = new TreeMap<>();
    private final Map<String, StatementFigures> shown = new TreeMap<>();
    private final Map<String, List<Correction>> corrections = new TreeMap<>();
    private final Map<String, List<String>> eventIds = new TreeMap<>();
    private FactorSet statementFactorSet;

    public StatementFold(String subscriberId, YearMonth month) {
        this.subscriberId = subscriberId;
        this.month = month;
    }

    /**
     * The fold of a month the ledger has not been told of yet: its lines are the usage the usage store counted so far
     * (an open month's provisional figures).
     */
    public static StatementFold counting(SubscriberMonthUsage usage) {
        StatementFold fold = new StatementFold(usage.subscriberId(), usage.month());
        usage.lines().forEach(line -> fold.lines.put(line.lineId(), LineTotals.of(line)));
        return fold;
    }

    public void apply(Object event, String eventId) {
        if (event instanceof LineUsageAccruedEvent accrued) {
            lines.put(accrued.lineId(), LineTotals.after(accrued, lines.get(accrued.lineId())));
            eventIdsOf(accrued.lineId()).add(eventId);
        } else if (event instanceof StatementIssuedEvent issued) {
            statementFactorSet = issued.factorSet();
            issued.lines().forEach(line -> {
                shown.put(line.lineId(), line);
                lines.put(line.lineId(), LineTotals.stated(line));
                eventIdsOf(line.lineId()).add(eventId);
            });
        } else if (event instanceof StatementCorrectedEvent corrected) {
            statementFactorSet = corrected.factorSet();
            String lineId = corrected.to().lineId();
            shown.put(lineId, corrected.to());
            corrections.computeIfAbsent(lineId, id -> new ArrayList<>())
                    .add(correctionOf(corrected.correctedAt(), corrected.from(), corrected.to(), corrected.reason()));
            eventIdsOf(lineId).add(eventId);
        }
    }

    private static Correction correctionOf(Instant at, StatementFigures from, StatementFigures to, String reason) {
        return new Correction(at, from == null ? 0 : from.co2eGrams(), to.co2eGrams(), reason);
    }

    private List<String> eventIdsOf(String lineId) {
        return eventIds.computeIfAbsent(lineId, id -> new ArrayList<>());
    }

    /** Whether no event of the stream was applied (a month the ledger has not been told of yet). */
    public boolean isEmpty() {
        return lines.isEmpty() && !closed();
    }

    private boolean closed() {
        return statementFactorSet != null;
    }

    /** The figures each line shows: issued or corrected when closed, computed with {@code openSet} when open. */
    private Map<String, StatementFigures> figures(FactorSet openSet) {
        Map<String, StatementFigures> figures = new TreeMap<>();
        if (closed()) {
            shown.forEach((lineId, line) -> {
                if (line.records() > 0) {
                    figures.put(lineId, line);
                }
            });
        } else {
            lines.forEach((lineId, totals) -> {
                if (totals.records() > 0) {
                    figures.put(lineId, totals.figures(lineId, openSet));
                }
            });
        }
        return figures;
    }

    private List<String> ledgerEventIdsOf(String lineId) {
        return List.copyOf(eventIds.getOrDefault(lineId, List.of()));
    }

    private List<Correction> correctionsOf(String lineId) {
        return List.copyOf(corrections.getOrDefault(lineId, List.of()));
    }

    /** The statement, or empty when no line has usage; {@code openSet} resolves the set of an open month. */
    public Optional<MonthlyStatement> statement(Function<YearMonth, Optional<FactorSet>> openSet) {
        FactorSet set = setFor(openSet);
        if (set == null) {
            return Optional.empty();
        }
        List<StatementLine> statementLines = new ArrayList<>();
        figures(set).forEach((lineId, figures) -> statementLines.add(lineOf(figures, set, correctionsOf(lineId))));
        return statementLines.isEmpty() ? Optional.empty()
                : Optional.of(new MonthlyStatement(subscriberId, month.toString(), status(), statementLines));
    }

    /** The trace of each figure of {@link #statement}, or empty when no line has usage. */
    public Optional<StatementExplanation> explanation(Function<YearMonth, Optional<FactorSet>> openSet) {
        FactorSet set = setFor(openSet);
        if (set == null) {
            return Optional.empty();
        }
        List<LineExplanation> lines = new ArrayList<>();
        figures(set).forEach((lineId, figures) -> lines.add(FigureExplanation.of(figures, set,
                ledgerEventIdsOf(lineId), correctionsOf(lineId))));
        return lines.isEmpty() ? Optional.empty()
                : Optional.of(new StatementExplanation(subscriberId, month.toString(), status(), lines));
    }

    /** The statement's set when closed, else the one {@code openSet} gives for the month (null when none). */
    private FactorSet setFor(Function<YearMonth, Optional<FactorSet>> openSet) {
        return closed() ? statementFactorSet : openSet.apply(month).orElse(null);
    }

    private StatementStatus status() {
        return closed() ? StatementStatus.CLOSED : StatementStatus.OPEN;
    }

    public static StatementLine lineOf(StatementFigures figures, FactorSet set, List<Correction> corrections) {
        return new StatementLine(figures.lineId(), figures.lineType(), figures.lineType().legalLabel(),
                figures.technology() == null ? null : figures.technology().code(),
                figures.dataGo(), figures.estimated(), figures.co2eGrams(),
                new ExactFigures(figures.bytes(), figures.exactGrams()), set.id(), set.methodSummary(),
                List.copyOf(corrections));
    }
}
