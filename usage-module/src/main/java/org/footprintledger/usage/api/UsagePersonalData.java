package org.footprintledger.usage.api;

import java.util.Map;
import java.util.function.Function;

/**
 * Erasure of a subscriber's personal data held by the usage module, in the caller's transaction (ADR 0013): its raw
 * records (every partition) and the rejected rows that hold them are deleted; its line registry, line-month totals,
 * waiting late usage and parked ledgers are re-keyed to the subscriber's ledger key, so that every month total, every
 * close and every simulation comes out as before and nothing names the id any more.
 */
public interface UsagePersonalData {

    /** What was deleted or re-keyed, by kind ({@code usage_records}, {@code import_rejections}, …). */
    Map<String, Long> erase(String subscriberId, String subscriberKey);

    /**
     * As {@link #erase(String, String)}, and the lines kept (registry, line-month totals, waiting late usage) are
     * re-keyed too, each to {@code lineKeyOf} its id (the ledger's key for the line), so that no line id that may
     * embed the subscriber id is left and a later close reaches the same ledger lines.
     */
    Map<String, Long> erase(String subscriberId, String subscriberKey, Function<String, String> lineKeyOf);
}
