package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

import java.time.YearMonth;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.Revision;

/**
 * A usage fact entered the ledger; the line's totals after it are carried so a reader needs no arithmetic. Revision 2
 * added the chain hashes; revision 3 is the same content stored without type wrappers (DefaultTypingUpcaster).
 */
@Revision("3")
public record LineUsageAccruedEvent(
        String ledgerId,
        String subscriberId,
        YearMonth month,
        String lineId,
        LineType lineType,
        Technology technology,
        long bytesDelta,
        long recordsDelta,
        long estimatedRecordsDelta,
        long bytesTotal,
        long recordsTotal,
        long estimatedRecordsTotal,
        String sourceBatchId,
        String previousHash,
        String hash) implements LedgerChain.Chained {

    /** This event with its hash: SHA-256 of the previous event's hash and this content. */
    public LineUsageAccruedEvent linked() {
        return new LineUsageAccruedEvent(ledgerId, subscriberId, month, lineId, lineType, technology, bytesDelta,
                recordsDelta, estimatedRecordsDelta, bytesTotal, recordsTotal, estimatedRecordsTotal, sourceBatchId,
                previousHash, LedgerChain.link(previousHash, chainContent()));
    }

    @Override
    public LineUsageAccruedEvent rekeyed(String newLedgerId, String subscriberKey, UnaryOperator<String> lineKeyOf,
                                         String newPreviousHash) {
        return new LineUsageAccruedEvent(newLedgerId, subscriberKey, month, lineKeyOf.apply(lineId), lineType,
                technology, bytesDelta, recordsDelta, estimatedRecordsDelta, bytesTotal, recordsTotal,
                estimatedRecordsTotal, sourceBatchId, newPreviousHash, null).linked();
    }

    @Override
    public String chainContent() {
        return Canonical.join("LineUsageAccrued", ledgerId, subscriberId, month, lineId, lineType,
                technology == null ? "" : technology.code(), bytesDelta, recordsDelta, estimatedRecordsDelta,
                bytesTotal, recordsTotal, estimatedRecordsTotal, sourceBatchId);
    }
}
