package org.footprintledger.usage.internal;

import org.footprintledger.usage.domain.UsageRecordValidator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.springframework.stereotype.Component;

/**
 * What ops watch of the intake: records by outcome, rejections by field (every field registered at zero, so the first
 * rejection is visible to rate()), retries, and per feed the age of the newest usage date received.
 */
@Component
class IntakeMetrics {

    /** The field of a file row that is not even CSV of the feed's shape. */
    static final String MALFORMED_ROW = "row";
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> newestUsageDay = new ConcurrentHashMap<>();
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter retries;

    IntakeMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.accepted = records("accepted", "");
        this.duplicates = records("duplicate", "");
        UsageRecordSubmission.CSV_COLUMNS.forEach(this::rejected);
        rejected(MALFORMED_ROW);
        this.retries = Counter.builder("usage.intake.retries")
                .description("Batches retried after a lock conflict with a concurrent batch")
                .register(registry);
    }

    /**
     * Per feed, the age in days of the newest usage date accepted so far (today in Europe/Paris minus that date):
     * a feed that stops, or lags, shows here before any customer notices.
     */
    private void recordNewestUsageDate(String feed, LocalDate newest) {
        if (newest == null) {
            return;
        }
        AtomicLong epochDay = newestUsageDay.computeIfAbsent(feed, name -> {
            AtomicLong day = new AtomicLong(Long.MIN_VALUE);
            Gauge.builder("usage.feed.newest.usage.age", day,
                            d -> LocalDate.now(clock.withZone(UsageRecordValidator.USAGE_ZONE)).toEpochDay() - d.get())
                    .description("Days between today (Europe/Paris) and the newest usage date accepted from the feed")
                    .baseUnit("days").tag("feed", name).register(registry);
            return day;
        });
        epochDay.accumulateAndGet(newest.toEpochDay(), Math::max);
    }

    void recordBatch(String feed, IntakeReport report, LocalDate newestAccepted) {
        recordNewestUsageDate(feed, newestAccepted);
        accepted.increment(report.accepted());
        duplicates.increment(report.duplicates());
        report.rejected().forEach(r -> rejected(r.field()).increment());
    }

    /** A file row that was not even CSV of the right shape (broken quoting, wrong column count). */
    void recordMalformedRow() {
        rejected(MALFORMED_ROW).increment();
    }

    void recordRetry() {
        retries.increment();
    }

    private Counter rejected(String field) {
        return records("rejected", field);
    }

    private Counter records(String outcome, String field) {
        return Counter.builder("usage.records").description("Usage records received, by outcome")
                .tag("outcome", outcome).tag("field", field).register(registry);
    }
}
