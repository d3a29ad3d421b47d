package org.footprintledger.footprint.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent pieces of a ledger job run side by side (a month close's pages, a restatement's or a simulation's
 * months): a few daemon threads named after the job, and each piece's result or its own failure as it was thrown.
 */
final class SideBySide {

    private SideBySide() {
    }

    /** At least one thread, at most {@code pieces} (no idle thread), at most {@code threads}. */
    static ExecutorService threads(String name, int threads, int pieces) {
        return Executors.newFixedThreadPool(Math.max(1, Math.min(threads, pieces)), work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The piece's result; a runtime failure of the piece is rethrown as such, an interruption kept. */
    static <R> R resultOf(Future<R> piece) {
        try {
            return piece.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a piece of the job", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
