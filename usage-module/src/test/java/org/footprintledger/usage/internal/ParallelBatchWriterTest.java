package org.footprintledger.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ParallelBatchWriterTest {

    @Test
    void an_error_in_a_writer_reaches_the_reader_and_close_waits_for_the_batch_still_being_stored() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        AtomicBoolean slowFinished = new AtomicBoolean();
        ParallelBatchWriter<String> writer = new ParallelBatchWriter<>(2, batch -> {
            if (batch.equals("slow")) {
                slowStarted.countDown();
                sleep(300);
                slowFinished.set(true);
            } else {
                await(slowStarted);
                throw new OutOfMemoryError("simulated in a writer");
            }
        });
        writer.submit("failing");

        // the failing batch ends first, while the slow one is still being stored
        assertThatThrownBy(() -> {
            writer.submit("slow");
            writer.drain();
        }).isInstanceOf(OutOfMemoryError.class);
        assertThat(slowFinished).isFalse();
        writer.close();
        assertThat(slowFinished).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
