package org.footprintledger.portal.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.footprint.api.Devices;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.MonthClosing;
import org.footprintledger.footprint.api.SubscriberDevice;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.LedgerFeed;
import org.footprintledger.usage.api.SubscriberDirectory;
import org.footprintledger.usage.api.SyntheticFeedGenerator;
import org.footprintledger.usage.api.UsageHistory;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the demo subscribers when the database holds no usage yet: a file from the synthetic feed generator (seeded,
 * so every run shows the same figures, with its share of duplicates, re-rated and invalid rows), imported through the
 * real file import. Each demo subscriber also gets a smartphone, and a box when it has a fixed line, acquired some
 * months ago (seeded), for the "Mon équipement" section; they are added on their own to a demo database that
 * predates the device view. A fresh demo database also gets customers' feedback ({@link DemoFeedback}).
 */
@Component
@ConditionalOnProperty(name = "footprint.demo-data.enabled", havingValue = "true")
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long SEED = 20_220_101L;

    private final FileImports imports;
    private final LedgerFeed ledgerFeed;
    private final MonthClosing closing;
    private final UsageIntake intake;
    private final UsageHistory usage;
    private final SubscriberDirectory subscribers;
    private final Devices devices;
    private final CustomerSurvey surveys;
    private final CustomerFeedback feedback;
    private final EcoTips tips;
    private final Clock clock;
    private final int subscriberCount;
    private final int days;

    DemoDataLoader(FileImports imports, LedgerFeed ledgerFeed, MonthClosing closing, UsageIntake intake,
                   UsageHistory usage, SubscriberDirectory subscribers, Devices devices, CustomerSurvey surveys,
                   CustomerFeedback feedback, EcoTips tips, Clock clock,
                   @Value("${footprint.demo-data.subscribers:20}") int subscriberCount,
                   @Value("${footprint.demo-data.days:120}") int days) {
        this.imports = imports;
        this.ledgerFeed = ledgerFeed;
        this.closing = closing;
        this.intake = intake;
        this.usage = usage;
        this.subscribers = subscribers;
        this.devices = devices;
        this.surveys = surveys;
        this.feedback = feedback;
        this.tips = tips;
        this.clock = clock;
        this.subscriberCount = subscriberCount;
        this.days = days;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() throws IOException {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).minusDays(1);
        if (subscribers.count() > 0) {
            log.info("Demo data not loaded: the database already holds {} subscribers", subscribers.count());
        } else {
            loadFeed(yesterday);
            closePastMonthsThenCorrectOne(yesterday);
            List<String> ids = new ArrayList<>();
            for (int s = 0; s < subscriberCount; s++) {
                ids.add(subscriberId(s));
            }
            DemoFeedback.load(surveys, feedback, tips, ids, SEED);
        }
        if (devices.devicesOf(subscriberId(0)).isEmpty()) {
            loadDevices(yesterday);
        }
    }

    private void loadFeed(LocalDate yesterday) throws IOException {
        Path feed = Files.createTempFile("demo-feed", ".csv");
        try {
            new SyntheticFeedGenerator(subscriberCount, days, yesterday, SEED).writeCsv(feed);
            ImportStatus status = imports.importFile(feed, progress -> { });
            log.info("Demo data loaded: {} rows, {} accepted, {} duplicates, {} rejected, {} subscribers over {} days "
                            + "to {}; log in as S0000000 / demo (import {})", status.rowsRead(), status.accepted(),
                    status.duplicates(), status.rejected(), subscriberCount, days, yesterday, status.importId());
        } finally {
            Files.deleteIfExists(feed);
        }
    }

    /**
     * Closes every month of the demo feed before the current one, as the schedule would have, then sends one late
     * record on S0000000's mobile line in the last closed month: the customer page shows a closed statement with its
     * correction.
     */
    private void closePastMonthsThenCorrectOne(LocalDate yesterday) {
        ledgerFeed.feedAll();
        YearMonth current = YearMonth.from(LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))));
        YearMonth lastClosed = current.minusMonths(1);
        for (YearMonth month = YearMonth.from(yesterday.minusDays(days - 1L)); month.isBefore(current);
             month = month.plusMonths(1)) {
            closing.close(month, "demo");
        }
        usage.dailyUsage(subscriberId(0), lastClosed).stream()
                .filter(day -> Technology.fromCode(day.technology()).map(Technology::lineType)
                        .filter(LineType.MOBILE::equals).isPresent())
                .findFirst()
                .ifPresent(day -> {
                    IntakeReport report = intake.submit(List.of(new UsageRecordSubmission("DEMO-LATE-"
                            + lastClosed, subscriberId(0), day.lineId(), LineType.MOBILE.name(),
                            day.technology(), lastClosed.atEndOfMonth().toString(), "1500000000", "500000000", "false",
                            null)), "demo");
                    ledgerFeed.feedAll();
                    log.info("Demo: {} closed; a late record for {} in {} ({} accepted) shows as a correction",
                            lastClosed, subscriberId(0), lastClosed, report.accepted());
                });
    }

    private void loadDevices(LocalDate yesterday) {
        Set<String> withBox = Set.copyOf(
                new SyntheticFeedGenerator(subscriberCount, days, yesterday, SEED).subscribersWithFixedLine());
        Random random = new Random(SEED);
        for (int s = 0; s < subscriberCount; s++) {
            String subscriberId = subscriberId(s);
            List<SubscriberDevice> list = new ArrayList<>();
            // some phones are older than their 2.5-year lifetime: the page then shows their use only
            list.add(new SubscriberDevice(subscriberId + "-phone", "smartphone",
                    yesterday.minusMonths(1 + random.nextInt(40))));
            if (withBox.contains(subscriberId)) {
                list.add(new SubscriberDevice(subscriberId + "-box", "internet-box",
                        yesterday.minusMonths(1 + random.nextInt(72))));
            }
            devices.replaceDevicesOf(subscriberId, list);
        }
        log.info("Demo devices loaded: a smartphone for each of {} subscribers, a box for the {} with a fixed line",
                subscriberCount, withBox.size());
    }

    /** The generator's subscriber ids. */
    private static String subscriberId(int index) {
        return String.format("S%07d", index);
    }
}
