package org.footprintledger.portal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.SubscriberDirectory;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the demo subscribers through the real intake (validation, deduplication, ledger) when the database holds no
 * usage yet: one record per line and day over the last three months, seeded so every run shows the same figures.
 */
@Component
@ConditionalOnProperty(name = "footprint.demo-data.enabled", havingValue = "true")
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    /** subscriber, line, type, technology, mean daily octets, share of estimated days. */
    private static final List<DemoLine> LINES = List.of(
            new DemoLine("sub-0001", "sub-0001-mob", "MOBILE", "5G", 600_000_000L, 0),
            new DemoLine("sub-0001", "sub-0001-box", "FIXED", "FTTH", 9_000_000_000L, 0),
            new DemoLine("sub-0002", "sub-0002-mob", "MOBILE", "4G", 250_000_000L, 0.2),
            new DemoLine("sub-0003", "sub-0003-mob1", "MOBILE", "4G", 120_000_000L, 0),
            new DemoLine("sub-0003", "sub-0003-mob2", "MOBILE", "5G", 1_500_000_000L, 0),
            new DemoLine("sub-0003", "sub-0003-box", "FIXED", "XDSL", 4_000_000_000L, 0.5));

    private final UsageIntake intake;
    private final SubscriberDirectory subscribers;
    private final Clock clock;

    DemoDataLoader(UsageIntake intake, SubscriberDirectory subscribers, Clock clock) {
        this.intake = intake;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() {
        if (subscribers.count() > 0) {
            log.info("Demo data not loaded: the database already holds {} subscribers", subscribers.count());
            return;
        }
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).minusDays(1);
        LocalDate first = yesterday.minusMonths(3).withDayOfMonth(1);
        Random random = new Random(20_220_101L);
        List<UsageRecordSubmission> records = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(yesterday); day = day.plusDays(1)) {
            for (DemoLine line : LINES) {
                records.add(line.recordFor(day, random));
            }
        }
        int accepted = 0;
        for (int from = 0; from < records.size(); from += UsageIntake.MAX_BATCH_SIZE) {
            IntakeReport report = intake.submit(
                    records.subList(from, Math.min(records.size(), from + UsageIntake.MAX_BATCH_SIZE)));
            accepted += report.accepted();
        }
        log.info("Demo data loaded: {} usage records for {} lines from {} to {}; log in as sub-0001 / demo",
                accepted, LINES.size(), first, yesterday);
    }

    private record DemoLine(String subscriberId, String lineId, String lineType, String technology,
                            long meanDailyBytes, double estimatedShare) {

        UsageRecordSubmission recordFor(LocalDate day, Random random) {
            double factor = Math.max(0.05, 1 + random.nextGaussian() * 0.4);
            long total = (long) (meanDailyBytes * factor);
            long up = total / 8;
            boolean estimated = random.nextDouble() < estimatedShare;
            return new UsageRecordSubmission("demo-" + lineId + "-" + day, subscriberId, lineId, lineType, technology,
                    day.toString(), Long.toString(total - up), Long.toString(up), Boolean.toString(estimated), null);
        }
    }
}
