package org.footprintledger.footprint.internal;

import org.springframework.dao.TransientDataAccessException;

/**
 * An append to a ledger stream named by a subscriber's clear id (an earlier release's) whose subscriber was re-keyed
 * since its writer resolved the key (ADR 0013): refused, so nothing lands under the old id. Transient on purpose:
 * the writers retry a transient failure (the feeder's next round, the month close's next round), and the retry
 * resolves the subscriber's new key and appends under it.
 */
class LegacyStreamRekeyedException extends TransientDataAccessException {

    LegacyStreamRekeyedException(int streams) {
        super(streams + " ledger stream(s) of this append are named by a subscriber id whose streams were re-keyed "
                + "since its key was resolved: refused, to be retried under the new key");
    }
}
