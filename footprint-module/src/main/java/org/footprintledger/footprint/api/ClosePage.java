package org.footprintledger.footprint.api;

import java.util.List;

/**
 * A page of a month close's walk ({@link CountedUsage#toClose}): the subscribers whose counted usage the close
 * states, and those of the page it cannot state because the usage store contradicts itself (a line-month left with
 * negative usage: more late usage waiting for the ledger than counted, which only a write outside the product can
 * cause). Those are left out of the close, each with what is wrong; the others are closed all the same.
 *
 * @param lastSubscriberId the page's last subscriber, stated or not: the walk goes on after it; {@code null} when
 *                         the walk has nothing left
 */
public record ClosePage(List<SubscriberMonthUsage> usage, List<String> inconsistencies, String lastSubscriberId) {

    public ClosePage {
        usage = List.copyOf(usage);
        inconsistencies = List.copyOf(inconsistencies);
    }

    public boolean isEnd() {
        return lastSubscriberId == null;
    }
}
