package org.footprintledger.footprint.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the ledger knows of each figure of a statement (the usage by day comes from the usage module).
 *
 * @param integrity the verdict of the month's ledger stream ({@link StreamIntegrity}); {@code lines} is empty when
 *                  {@code broken}
 */
public record StatementExplanation(String subscriberId, String month, StatementStatus status,
                                   List<LineExplanation> lines, String integrity) {

    public StatementExplanation(String subscriberId, String month, StatementStatus status,
                                List<LineExplanation> lines) {
        this(subscriberId, month, status, lines, null);
    }

    /** This explanation told to whoever asked for it by the subscriber's id (the ledger names the subscriber's key). */
    public StatementExplanation of(String subscriberId) {
        return new StatementExplanation(subscriberId, month, status, lines, integrity);
    }

    /** This explanation as its stream's verdict allows it to be served: no trace of a figure from a broken chain. */
    public StatementExplanation judged(String verdict) {
        return new StatementExplanation(subscriberId, month, status,
                StreamIntegrity.BROKEN.equals(verdict) ? List.of() : lines, verdict);
    }

    /**
     * This explanation with each line under its id again ({@code idOfKey}: line key to line id,
     * {@link SubscriberKeys}; a line not in it keeps its name), lines in id order.
     */
    public StatementExplanation withLineIds(Map<String, String> idOfKey) {
        return new StatementExplanation(subscriberId, month, status, lines.stream()
                .map(line -> line.named(idOfKey.getOrDefault(line.figures().lineId(), line.figures().lineId())))
                .sorted(Comparator.comparing(line -> line.figures().lineId())).toList(), integrity);
    }
}
