package org.footprintledger.footprint.api;

import java.time.Instant;
import java.time.YearMonth;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.Revision;

/**
 * A figure of an issued statement changed: late usage, re-rated records, or a restatement under another factor set.
 * The statement keeps the figures it showed before ({@code from}, {@code null} for a line it did not show yet) beside
 * the new ones ({@code to}). Revision 2: the same content stored without type wrappers.
 */
@Revision("2")
public record StatementCorrectedEvent(
        String ledgerId,
        String subscriberId,
        YearMonth month,
        Instant correctedAt,
        String reason,
        FactorSet factorSet,
        StatementFigures from,
        StatementFigures to,
        String previousHash,
        String hash) implements LedgerChain.Chained {

    /** This event with its hash: SHA-256 of the previous event's hash and this content. */
    public StatementCorrectedEvent linked() {
        return new StatementCorrectedEvent(ledgerId, subscriberId, month, correctedAt, reason, factorSet, from, to,
                previousHash, LedgerChain.link(previousHash, chainContent()));
    }

    @Override
    public StatementCorrectedEvent rekeyed(String newLedgerId, String subscriberKey, UnaryOperator<String> lineKeyOf,
                                           String newPreviousHash) {
        return new StatementCorrectedEvent(newLedgerId, subscriberKey, month, correctedAt, reason, factorSet,
                from == null ? null : from.named(lineKeyOf.apply(from.lineId())), to.named(lineKeyOf.apply(to.lineId())),
                newPreviousHash, null).linked();
    }

    @Override
    public String chainContent() {
        return Canonical.join("StatementCorrected", ledgerId, subscriberId, month, correctedAt, reason,
                factorSet.canonical(), from == null ? "" : from.canonical(), to.canonical());
    }
}
