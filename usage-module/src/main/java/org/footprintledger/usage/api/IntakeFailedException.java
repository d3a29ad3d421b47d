package org.footprintledger.usage.api;

/**
 * A batch could not be stored (the database failed or refused it). A batch is one transaction, so this says exactly
 * what is stored: nothing, or, when the connection broke during the commit, unknown. Either way sending the batch
 * again is safe: records already stored count as duplicates, never twice.
 */
public class IntakeFailedException extends RuntimeException {

    private final boolean outcomeUnknown;

    public IntakeFailedException(boolean outcomeUnknown, Throwable cause) {
        super(outcomeUnknown
                ? "the connection to the database broke while the batch was committed (" + cause + "): it may or may "
                        + "not be stored; send it again (records already stored then count as duplicates, never twice)"
                : "the batch could not be stored (" + cause + "): nothing of it was stored; send it again", cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** True when the commit may have happened; false when nothing of the batch was stored. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
