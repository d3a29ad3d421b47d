package org.footprintledger.footprint.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the customer area shows for one subscriber and one month (contract.md, "Statements").
 *
 * @param integrity what the hash chain of the month's ledger stream says ({@link StreamIntegrity}): {@code verified},
 *                  {@code broken} (the figures are withheld: {@code lines} is empty), or {@code unchained} (an open
 *                  month computed from the usage counted, no ledger stream yet); null before it was checked
 */
public record MonthlyStatement(String subscriberId, String month, StatementStatus status, List<StatementLine> lines,
                               String integrity) {

    public MonthlyStatement(String subscriberId, String month, StatementStatus status, List<StatementLine> lines) {
        this(subscriberId, month, status, lines, null);
    }

    /** This statement told to whoever asked for it by the subscriber's id (the ledger names the subscriber's key). */
    public MonthlyStatement of(String subscriberId) {
        return new MonthlyStatement(subscriberId, month, status, lines, integrity);
    }

    /** This statement as its stream's verdict allows it to be served: no figure from a broken chain. */
    public MonthlyStatement judged(String verdict) {
        return new MonthlyStatement(subscriberId, month, status,
                StreamIntegrity.BROKEN.equals(verdict) ? List.of() : lines, verdict);
    }

    /**
     * This statement with each line under its id again ({@code idOfKey}: line key to line id, {@link SubscriberKeys};
     * a line not in it keeps its name), lines in id order.
     */
    public MonthlyStatement withLineIds(Map<String, String> idOfKey) {
        return new MonthlyStatement(subscriberId, month, status, lines.stream()
                .map(line -> line.named(idOfKey.getOrDefault(line.lineId(), line.lineId())))
                .sorted(Comparator.comparing(StatementLine::lineId)).toList(), integrity);
    }
}
