package org.footprintledger.usage.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.footprintledger.usage.api.IntakeReport;
import org.springframework.stereotype.Component;

/** What ops watch of the intake: records by outcome, rejections by field, retries after concurrent writes. */
@Component
class IntakeMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter retries;

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = outcome("accepted");
        this.duplicates = outcome("duplicate");
        this.retries = Counter.builder("usage.intake.retries")
                .description("Batches retried after a lock conflict with a concurrent batch")
                .register(registry);
    }

    void recordBatch(IntakeReport report) {
        accepted.increment(report.accepted());
        duplicates.increment(report.duplicates());
        report.rejected().forEach(r -> Counter.builder("usage.records")
                .description("Usage records received, by outcome")
                .tag("outcome", "rejected").tag("field", r.field())
                .register(registry).increment());
    }

    void recordRetry() {
        retries.increment();
    }

    private Counter outcome(String outcome) {
        return Counter.builder("usage.records").description("Usage records received, by outcome")
                .tag("outcome", outcome).tag("field", "").register(registry);
    }
}
