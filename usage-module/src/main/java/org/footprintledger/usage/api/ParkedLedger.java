package org.footprintledger.usage.api;

import java.time.Instant;

/**
 * A ledger whose usage facts the ledger refused (a poison fact): its facts wait in the outbox, out of the feeder's
 * rounds, until ops retry it; every other ledger keeps flowing.
 *
 * @param waitingFacts outbox rows waiting for this ledger
 */
public record ParkedLedger(String ledgerId, String subscriberId, String month, String reason, Instant firstFailedAt,
                           Instant lastFailedAt, int attempts, long waitingFacts) {
}
