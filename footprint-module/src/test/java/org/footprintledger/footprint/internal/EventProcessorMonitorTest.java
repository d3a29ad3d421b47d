package org.footprintledger.footprint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class EventProcessorMonitorTest {

    private static final Instant STORED = Instant.parse("2026-11-29T10:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventProcessorMonitor monitor = new EventProcessorMonitor("ledger", meters,
            Clock.fixed(STORED.plusSeconds(3), ZoneOffset.UTC));

    record LineAccrued(String lineId) {
    }

    record StatementIssued(String month) {
    }

    @Test
    void handled_events_are_counted_and_timed_per_processor_and_payload_type() {
        monitor.onMessageIngested(event(new LineAccrued("L1"))).reportSuccess();
        monitor.onMessageIngested(event(new LineAccrued("L2"))).reportSuccess();
        monitor.onMessageIngested(event(new StatementIssued("2026-10"))).reportFailure(new IllegalStateException());

        assertThat(count("successCounter", "LineAccrued")).isEqualTo(2);
        assertThat(count("processedCounter", "LineAccrued")).isEqualTo(2);
        assertThat(count("ingestedCounter", "LineAccrued")).isEqualTo(2);
        assertThat(count("failureCounter", "LineAccrued")).isZero();
        assertThat(count("failureCounter", "StatementIssued")).isEqualTo(1);
        assertThat(count("processedCounter", "StatementIssued")).isEqualTo(1);
        assertThat(meters.get("eventProcessor.allTimer").tags("processorName", "ledger", "payloadType", "LineAccrued")
                .timer().count()).isEqualTo(2);
        assertThat(meters.get("eventProcessor.failureTimer").tags("payloadType", "StatementIssued").timer().count())
                .isEqualTo(1);
    }

    @Test
    void an_ignored_event_is_counted_but_not_timed() {
        monitor.onMessageIngested(event(new LineAccrued("L1"))).reportIgnored();

        assertThat(count("ignoredCounter", "LineAccrued")).isEqualTo(1);
        assertThat(count("processedCounter", "LineAccrued")).isZero();
        assertThat(meters.get("eventProcessor.allTimer").tags("payloadType", "LineAccrued").timer()
                .totalTime(TimeUnit.NANOSECONDS)).isZero();
    }

    @Test
    void latency_is_the_time_since_the_event_was_stored() {
        monitor.onMessageIngested(event(new LineAccrued("L1"))).reportSuccess();

        assertThat(meters.get("eventProcessor.latency").tags("processorName", "ledger").gauge().value())
                .isEqualTo(3000);
    }

    @Test
    void capacity_shows_the_share_of_the_window_spent_processing() throws InterruptedException {
        MonitorCallbackTimer.busyFor(monitor, event(new LineAccrued("L1")), 50);

        assertThat(meters.get("eventProcessor.capacity").tags("processorName", "ledger").gauge().value())
                .isGreaterThanOrEqualTo(0.005).isLessThan(1.0);
    }

    private double count(String counter, String payloadType) {
        return meters.get("eventProcessor." + counter).tags("processorName", "ledger", "payloadType", payloadType)
                .counter().count();
    }

    private static EventMessage<?> event(Object payload) {
        return new GenericEventMessage<>(new org.axonframework.messaging.GenericMessage<>(payload, MetaData.emptyInstance()),
                () -> STORED);
    }

    private static final class MonitorCallbackTimer {
        static void busyFor(EventProcessorMonitor monitor, EventMessage<?> event, long millis)
                throws InterruptedException {
            var callback = monitor.onMessageIngested(event);
            Thread.sleep(millis);
            callback.reportSuccess();
        }
    }
}
