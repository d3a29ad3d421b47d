package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The meters of Axon's dimensional event processor monitors, under the same names and tags ({@code eventProcessor_*}
 * with {@code processorName} and {@code payloadType}): ingested, success, failure, processed and ignored counters; all,
 * success and failure timers with the same percentiles; the latency and capacity gauges (per processor). Axon's
 * monitors look every meter up in the registry for every event, several times; a profile of the ledger benchmark
 * found that a quarter of the read model's CPU, and on the appending thread, for the subscribing processor that
 * ignores ledger events, more than the events' insert. Here the meters are found once per payload type, an ignored
 * event is only counted (it is not timed: the time to skip an event is not a processing time), and the latency is
 * read from at most one event per {@link #LATENCY_READING_INTERVAL} (reading it parses the event's stored timestamp).
 */
final class EventProcessorMonitor implements MessageMonitor<Message<?>> {

    static final Duration LATENCY_READING_INTERVAL = Duration.ofMillis(200);
    private static final String PREFIX = "eventProcessor.";
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private final String processorName;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ConcurrentMap<Class<?>, PayloadMeters> byPayloadType = new ConcurrentHashMap<>();
    private final AtomicLong latencyMillis = new AtomicLong();
    private final AtomicLong nextLatencyReading = new AtomicLong(Long.MIN_VALUE);
    private final BusyTimeWindow busy;

    EventProcessorMonitor(String processorName, MeterRegistry registry, Clock clock) {
        this.processorName = processorName;
        this.registry = registry;
        this.clock = clock;
        this.busy = new BusyTimeWindow(clock, Duration.ofSeconds(10));
        Tags tags = Tags.of("processorName", processorName);
        Gauge.builder(PREFIX + "latency", latencyMillis, AtomicLong::get).tags(tags)
                .description("Milliseconds between an event's storage and its pick-up, last reading").register(registry);
        Gauge.builder(PREFIX + "capacity", busy, BusyTimeWindow::busyShare).tags(tags)
                .description("Share of the last 10 s spent processing events, summed over threads").register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        PayloadMeters meters = metersFor(message.getPayloadType());
        meters.ingested.increment();
        readLatency(message);
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                busy.add(meters.handled(meters.success, meters.successTimer, started));
            }

            @Override
            public void reportFailure(Throwable cause) {
                busy.add(meters.handled(meters.failure, meters.failureTimer, started));
            }

            @Override
            public void reportIgnored() {
                meters.ignored.increment();
            }
        };
    }

    private PayloadMeters metersFor(Class<?> payloadType) {
        PayloadMeters meters = byPayloadType.get(payloadType);
        return meters != null ? meters : byPayloadType.computeIfAbsent(payloadType, type -> new PayloadMeters(
                registry, Tags.of("processorName", processorName, "payloadType", type.getSimpleName())));
    }

    private void readLatency(Message<?> message) {
        long now = clock.millis();
        long due = nextLatencyReading.get();
        if (message instanceof EventMessage<?> event && now >= due
                && nextLatencyReading.compareAndSet(due, now + LATENCY_READING_INTERVAL.toMillis())) {
            latencyMillis.set(Math.max(0, now - event.getTimestamp().toEpochMilli()));
        }
    }

    private static final class PayloadMeters {
        final Counter ingested;
        final Counter success;
        final Counter failure;
        final Counter processed;
        final Counter ignored;
        final Timer allTimer;
        final Timer successTimer;
        final Timer failureTimer;

        PayloadMeters(MeterRegistry registry, Tags tags) {
            ingested = registry.counter(PREFIX + "ingestedCounter", tags);
            success = registry.counter(PREFIX + "successCounter", tags);
            failure = registry.counter(PREFIX + "failureCounter", tags);
            processed = registry.counter(PREFIX + "processedCounter", tags);
            ignored = registry.counter(PREFIX + "ignoredCounter", tags);
            allTimer = timer("allTimer", registry, tags);
            successTimer = timer("successTimer", registry, tags);
            failureTimer = timer("failureTimer", registry, tags);
        }

        /** Counts and times one handled event in its outcome; answers its processing time. */
        long handled(Counter outcome, Timer outcomeTimer, long startedNanos) {
            long nanos = System.nanoTime() - startedNanos;
            outcome.increment();
            processed.increment();
            outcomeTimer.record(nanos, TimeUnit.NANOSECONDS);
            allTimer.record(nanos, TimeUnit.NANOSECONDS);
            return nanos;
        }

        private static Timer timer(String name, MeterRegistry registry, Tags tags) {
            return Timer.builder(PREFIX + name).tags(tags).publishPercentiles(PERCENTILES)
                    .distributionStatisticExpiry(Duration.ofMinutes(10)).register(registry);
        }
    }
}
