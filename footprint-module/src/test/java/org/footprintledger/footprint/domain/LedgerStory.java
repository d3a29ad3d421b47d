package org.footprintledger.footprint.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthCommand;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LedgerChain;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LineMonthUsage;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.RestateLedgerMonthCommand;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.footprint.api.SubscriberMonthUsage;
import org.footprintledger.vocabulary.Technology;

/**
 * The events of one subscriber's month, written as a story: each event is linked to the one before, as the ledger links
 * them, so a test states the given and the expected events in the order they happen (public: the projection's test
 * in footprint.internal feeds it the same events).
 */
public final class LedgerStory {

    public static final String SUBSCRIBER = "sub-1";
    public static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    public static final String LEDGER = LedgerIds.of(SUBSCRIBER, OCTOBER);
    public static final Instant CLOSED_AT = Instant.parse("2026-11-05T06:00:00Z");

    private String lastHash = LedgerChain.GENESIS;

    static AccrueLineUsageCommand accrue(String line, LineType type, Technology technology, long bytes, long records,
                                         long estimated) {
        return AccrueLineUsageCommand.of(SUBSCRIBER, OCTOBER, line, type, technology, bytes, records, estimated,
                "batch-1");
    }

    static CloseLedgerMonthCommand close(FactorSet set) {
        return CloseLedgerMonthCommand.of(SUBSCRIBER, OCTOBER, set, CLOSED_AT);
    }

    /** The month close of a ledger the usage store counted for (lines as the store gives them). */
    static CloseLedgerMonthCommand closeCounting(FactorSet set, LineMonthUsage... lines) {
        return CloseLedgerMonthCommand.counting(new SubscriberMonthUsage(SUBSCRIBER, OCTOBER, List.of(lines)), set,
                CLOSED_AT);
    }

    static LineMonthUsage counted(String line, LineType type, Technology technology, long bytes, long records,
                                  long estimated) {
        return new LineMonthUsage(line, type, technology, bytes, records, estimated);
    }

    static RestateLedgerMonthCommand restate(FactorSet set, String reason, Instant at) {
        return RestateLedgerMonthCommand.of(SUBSCRIBER, OCTOBER, set, reason, at);
    }

    /** Figures as a person computes them by hand, written out in the test. */
    public static StatementFigures figures(String line, LineType type, Technology technology, long bytes,
                                           long records, long estimated, String exactGo, String exactGrams, long go,
                                           long grams) {
        return new StatementFigures(line, type, technology, bytes, records, estimated, exactGo, exactGrams, go, grams);
    }

    public LineUsageAccruedEvent accrued(String line, LineType type, Technology technology, long bytes,
                                         long records, long estimated, long bytesTotal, long recordsTotal,
                                         long estimatedTotal) {
        return remember(new LineUsageAccruedEvent(LEDGER, SUBSCRIBER, OCTOBER, line, type, technology, bytes, records,
                estimated, bytesTotal, recordsTotal, estimatedTotal, "batch-1", lastHash, null).linked());
    }

    public StatementIssuedEvent issued(FactorSet set, StatementFigures... lines) {
        return remember(new StatementIssuedEvent(LEDGER, SUBSCRIBER, OCTOBER, CLOSED_AT, set, List.of(lines), lastHash,
                null).linked());
    }

    public StatementCorrectedEvent corrected(Instant at, String reason, FactorSet set, StatementFigures from,
                                             StatementFigures to) {
        return remember(new StatementCorrectedEvent(LEDGER, SUBSCRIBER, OCTOBER, at, reason, set, from, to, lastHash,
                null).linked());
    }

    private <E extends LedgerChain.Chained> E remember(E event) {
        lastHash = event.hash();
        return event;
    }
}
