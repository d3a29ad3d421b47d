package org.footprintledger.portal.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.SubscriberDirectory;
import org.footprintledger.usage.api.SyntheticFeedGenerator;
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
 * real file import.
 */
@Component
@ConditionalOnProperty(name = "footprint.demo-data.enabled", havingValue = "true")
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long SEED = 20_220_101L;

    private final FileImports imports;
    private final SubscriberDirectory subscribers;
    private final Clock clock;
    private final int subscriberCount;
    private final int days;

    DemoDataLoader(FileImports imports, SubscriberDirectory subscribers, Clock clock,
                   @Value("${footprint.demo-data.subscribers:20}") int subscriberCount,
                   @Value("${footprint.demo-data.days:120}") int days) {
        this.imports = imports;
        this.subscribers = subscribers;
        this.clock = clock;
        this.subscriberCount = subscriberCount;
        this.days = days;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenEmpty() throws IOException {
        if (subscribers.count() > 0) {
            log.info("Demo data not loaded: the database already holds {} subscribers", subscribers.count());
            return;
        }
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))).minusDays(1);
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
}
