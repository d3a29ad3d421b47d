package org.footprintledger.footprint.api;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The ledger's own fold and formula, for a reader outside the application (the offline evidence verifier): the
 * statement and the explanation that a stream's events give, computed by the same code the ledger computes them with.
 * The implementation lives in the ledger's domain and is found with {@link ServiceLoader}, so this api names none of it.
 */
public interface LedgerRecomputation {

    /**
     * Folds the events (in stream order) and recomputes every figure they state from the counted usage and the factor
     * set they carry: the statement, its explanation, and each figure that does not follow from its inputs.
     */
    Recomputed recompute(List<Object> events);

    /** What the events give; {@code problems} is empty when every stated figure follows from its usage and set. */
    record Recomputed(MonthlyStatement statement, StatementExplanation explanation, List<String> problems) {
    }

    static LedgerRecomputation load() {
        return ServiceLoader.load(LedgerRecomputation.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("the ledger's recomputation is not on the class path"));
    }
}
