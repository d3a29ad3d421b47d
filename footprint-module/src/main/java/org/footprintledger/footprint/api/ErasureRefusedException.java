package org.footprintledger.footprint.api;

/**
 * An erasure that cannot be done as asked, with what stands in the way; nothing was erased. Left: a stream of an
 * earlier release whose chain does not hold as stored cannot be re-keyed without hiding the break (ADR 0013).
 */
public class ErasureRefusedException extends RuntimeException {

    public ErasureRefusedException(String message) {
        super(message);
    }
}
