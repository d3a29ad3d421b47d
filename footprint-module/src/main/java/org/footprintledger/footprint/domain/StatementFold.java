package org.footprintledger.footprint.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.footprintledger.footprint.api.Correction;
import org.footprintledger.footprint.api.ExactFigures;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LedgerChain;
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
import org.footprintledger.vocabulary.Technology;

/**
 * The state of one subscriber's month, folded from its ledger events in order: the one fold of the ledger. The
 * aggregate ({@link SubscriberMonthLedger}) decides on it, the statement as it stood at any instant and the trace of
 * each figure are read from it, and the read model writes what it says of each line ({@link #lines()}).
 *
 * <p>Per line: the running totals (late usage adds to the totals a statement states), the figures shown once the month
 * is closed with the set they were computed with, the latest accrual and the latest technology named, the events and
 * corrections that made the line. Open lines are computed with the factor set the caller says was in force.
 */
public final class StatementFold {

    private String subscriberId;
    private YearMonth month;
    private final Map<String, LineTotals> totals = new TreeMap<>();
    private final Map<String, LineState> lines = new TreeMap<>();
    private FactorSet statementFactorSet;
    private String lastHash = LedgerChain.GENESIS;

    /** The fold of a stream whose identity its first event gives (the aggregate's). */
    public StatementFold() {
    }

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
        usage.lines().forEach(line -> fold.totals.put(line.lineId(), LineTotals.of(line)));
        return fold;
    }

    /**
     * What the ledger says of one line after the events applied: its latest accrual (null when none was applied), the
     * latest technology named by an event, the figures shown and their factor set (null while not stated), and the
     * latest event of the line.
     */
    public record LineState(String subscriberId, YearMonth month, String lineId, LineUsageAccruedEvent lastAccrual,
                            Technology technology, StatementFigures shown, String factorSetId, String lastEventId,
                            Instant lastChangedAt, List<String> eventIds, List<AppliedCorrection> corrections) {

        public LineState {
            eventIds = List.copyOf(eventIds);
            corrections = List.copyOf(corrections);
        }

        static LineState first(String subscriberId, YearMonth month, String lineId) {
            return new LineState(subscriberId, month, lineId, null, null, null, null, null, null, List.of(),
                    List.of());
        }

        LineState accrued(LineUsageAccruedEvent event, String eventId, Instant at) {
            return new LineState(subscriberId, month, lineId, event, named(event.technology()), shown, factorSetId,
                    eventId, at, plus(eventIds, eventId), corrections);
        }

        LineState stated(StatementFigures figures, String setId, String eventId, Instant at,
                         AppliedCorrection correction) {
            return new LineState(subscriberId, month, lineId, lastAccrual, named(figures.technology()), figures, setId,
                    eventId, at, plus(eventIds, eventId), correction == null ? corrections : plus(corrections,
                    correction));
        }

        private Technology named(Technology named) {
            return named != null ? named : technology;
        }

        private static <T> List<T> plus(List<T> list, T element) {
            List<T> longer = new ArrayList<>(list);
            longer.add(element);
            return longer;
        }
    }

    /** A correction event applied to a line. */
    public record AppliedCorrection(String eventId, StatementCorrectedEvent event) {

        Correction correction() {
            return new Correction(event.correctedAt(), event.from() == null ? 0 : event.from().co2eGrams(),
                    event.to().co2eGrams(), event.reason());
        }
    }

    /** Applies the next event of the stream (other payloads are not the ledger's and change nothing). */
    public void apply(Object event, String eventId, Instant at) {
        if (event instanceof LineUsageAccruedEvent accrued) {
            identify(accrued.subscriberId(), accrued.month());
            totals.put(accrued.lineId(), LineTotals.after(accrued, totals.get(accrued.lineId())));
            line(accrued.lineId(), line -> line.accrued(accrued, eventId, at));
            remember(accrued.hash());
        } else if (event instanceof StatementIssuedEvent issued) {
            identify(issued.subscriberId(), issued.month());
            statementFactorSet = issued.factorSet();
            issued.lines().forEach(figures -> {
                totals.put(figures.lineId(), LineTotals.stated(figures));
                line(figures.lineId(), line -> line.stated(figures, issued.factorSet().id(), eventId, at, null));
            });
            remember(issued.hash());
        } else if (event instanceof StatementCorrectedEvent corrected) {
            identify(corrected.subscriberId(), corrected.month());
            statementFactorSet = corrected.factorSet();
            line(corrected.to().lineId(), line -> line.stated(corrected.to(), corrected.factorSet().id(), eventId, at,
                    new AppliedCorrection(eventId, corrected)));
            remember(corrected.hash());
        }
    }

    private void identify(String eventSubscriberId, YearMonth eventMonth) {
        if (subscriberId == null) {
            subscriberId = eventSubscriberId;
            month = eventMonth;
        }
    }

    private void line(String lineId, Function<LineState, LineState> change) {
        lines.put(lineId, change.apply(lines.getOrDefault(lineId, LineState.first(subscriberId, month, lineId))));
    }

    private void remember(String hash) {
        if (hash != null) {
            lastHash = hash;
        }
    }

    /** Every line an applied event spoke of, in line order. */
    public List<LineState> lines() {
        return List.copyOf(lines.values());
    }

    /** Whether no event of the stream was applied (a month the ledger has not been told of yet). */
    public boolean isEmpty() {
        return totals.isEmpty() && !closed();
    }

    public String subscriberId() {
        return subscriberId;
    }

    /** The hash of the latest event applied: the link of the next one. */
    public String lastHash() {
        return lastHash;
    }

    /** Whether a statement was issued. */
    public boolean closed() {
        return statementFactorSet != null;
    }

    /** The set of the figures shown last (issued or corrected); null while open. */
    public FactorSet statementFactorSet() {
        return statementFactorSet;
    }

    /** The running totals of each line, in line order. */
    Map<String, LineTotals> totals() {
        return java.util.Collections.unmodifiableMap(totals);
    }

    Optional<LineTotals> totalsOf(String lineId) {
        return Optional.ofNullable(totals.get(lineId));
    }

    /** The figures a line shows, null when none was stated. */
    StatementFigures shownOf(String lineId) {
        LineState line = lines.get(lineId);
        return line == null ? null : line.shown();
    }

    /** The lines with figures shown. */
    Set<String> shownLineIds() {
        Set<String> shownLines = new java.util.TreeSet<>();
        lines.forEach((lineId, line) -> {
            if (line.shown() != null) {
                shownLines.add(lineId);
            }
        });
        return shownLines;
    }

    /** The figures each line shows: issued or corrected when closed, computed with {@code openSet} when open. */
    private Map<String, StatementFigures> figures(FactorSet openSet) {
        Map<String, StatementFigures> figures = new TreeMap<>();
        if (closed()) {
            lines.forEach((lineId, line) -> {
                if (line.shown() != null && line.shown().records() > 0) {
                    figures.put(lineId, line.shown());
                }
            });
        } else {
            totals.forEach((lineId, lineTotals) -> {
                if (lineTotals.records() > 0) {
                    figures.put(lineId, lineTotals.figures(lineId, openSet));
                }
            });
        }
        return figures;
    }

    private List<String> ledgerEventIdsOf(String lineId) {
        LineState line = lines.get(lineId);
        return line == null ? List.of() : line.eventIds();
    }

    private List<Correction> correctionsOf(String lineId) {
        LineState line = lines.get(lineId);
        return line == null ? List.of() : line.corrections().stream().map(AppliedCorrection::correction).toList();
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
        List<LineExplanation> explained = new ArrayList<>();
        figures(set).forEach((lineId, figures) -> explained.add(FigureExplanation.of(figures, set,
                ledgerEventIdsOf(lineId), correctionsOf(lineId))));
        return explained.isEmpty() ? Optional.empty()
                : Optional.of(new StatementExplanation(subscriberId, month.toString(), status(), explained));
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
