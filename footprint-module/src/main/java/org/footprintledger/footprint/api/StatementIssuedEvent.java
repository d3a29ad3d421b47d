package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.Revision;

/**
 * The month was closed: the statement of every line with usage is issued with its figures and the whole factor set
 * used, so the figure can be reproduced from this event alone. From here on, figures change only by correction.
 * Revision 2: the same content stored without type wrappers.
 */
@Revision("2")
public record StatementIssuedEvent(
        String ledgerId,
        String subscriberId,
        YearMonth month,
        Instant issuedAt,
        FactorSet factorSet,
        List<StatementFigures> lines,
        String previousHash,
        String hash) implements LedgerChain.Chained {

    /** This event with its hash: SHA-256 of the previous event's hash and this content. */
    public StatementIssuedEvent linked() {
        return new StatementIssuedEvent(ledgerId, subscriberId, month, issuedAt, factorSet, lines, previousHash,
                LedgerChain.link(previousHash, chainContent()));
    }

    @Override
    public StatementIssuedEvent rekeyed(String newLedgerId, String subscriberKey, UnaryOperator<String> lineKeyOf,
                                        String newPreviousHash) {
        return new StatementIssuedEvent(newLedgerId, subscriberKey, month, issuedAt, factorSet,
                lines.stream().map(line -> line.named(lineKeyOf.apply(line.lineId()))).toList(), newPreviousHash, null)
                .linked();
    }

    @Override
    public String chainContent() {
        StringBuilder content = new StringBuilder(Canonical.join("StatementIssued", ledgerId, subscriberId, month,
                issuedAt, factorSet.canonical()));
        lines.forEach(line -> content.append(line.canonical()).append(';'));
        return content.toString();
    }
}
