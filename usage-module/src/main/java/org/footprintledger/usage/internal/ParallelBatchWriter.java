package org.footprintledger.usage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Stores the batches of one import on several connections at once (each batch its own transaction), while the reader
 * parses the next. {@link #storeAfterAllBefore} waits until every batch submitted before it is stored: replacing
 * records go that way, so the record they replace is always stored first. A failure of any writer (any
 * {@link Throwable}) is rethrown to the reader, and {@link #close} returns only once no batch is being stored, so the
 * import's final status is written after the last batch that commits.
 */
final class ParallelBatchWriter<B> implements AutoCloseable {

    private final ExecutorService writers;
    private final Semaphore slots;
    private final Consumer<B> store;
    private final List<Future<?>> inFlight = new ArrayList<>();

    ParallelBatchWriter(int writers, Consumer<B> store) {
        this.writers = Executors.newFixedThreadPool(writers, runnable -> {
            Thread thread = new Thread(runnable, "usage-import-writer");
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new Semaphore(writers);
        this.store = store;
    }

    /** Hands the batch to a free writer, waiting for one when all are busy. */
    void submit(B batch) throws InterruptedException {
        slots.acquire();
        try {
            inFlight.add(writers.submit(() -> {
                try {
                    store.accept(batch);
                } finally {
                    slots.release();
                }
            }));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        failFastOnDone();
    }

    /** Stores the batch once every batch submitted before it is stored, in the calling thread. */
    void storeAfterAllBefore(B batch) throws InterruptedException {
        drain();
        store.accept(batch);
    }

    /** Waits for every batch submitted so far; rethrows the first failure. */
    void drain() throws InterruptedException {
        for (Future<?> future : inFlight) {
            await(future);
        }
        inFlight.clear();
    }

    private void failFastOnDone() throws InterruptedException {
        List<Future<?>> done = inFlight.stream().filter(Future::isDone).toList();
        for (Future<?> future : done) {
            await(future);
        }
        inFlight.removeAll(done);
    }

    private static void await(Future<?> future) throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for every batch still being stored (their failures were or will be reported by the reader), then stops. */
    @Override
    public void close() {
        writers.shutdown();
        boolean interrupted = false;
        for (Future<?> future : inFlight) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                    break;
                }
            }
        }
        inFlight.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
