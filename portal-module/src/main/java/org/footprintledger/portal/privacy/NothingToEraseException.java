package org.footprintledger.portal.privacy;

/** No personal data is held under the id: it was never known, or it was erased already. */
public class NothingToEraseException extends RuntimeException {

    public NothingToEraseException(String subscriberId) {
        super("nothing is held for subscriber " + subscriberId + ": unknown, or erased already");
    }
}
