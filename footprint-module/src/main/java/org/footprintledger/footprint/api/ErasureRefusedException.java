package org.footprintledger.footprint.api;

/** An erasure that cannot be done as asked, with what stands in the way; nothing was erased. */
public class ErasureRefusedException extends RuntimeException {

    public ErasureRefusedException(String message) {
        super(message);
    }
}
