package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What ops see on /actuator/prometheus once usage has flowed through the ledger. */
class OperationsMetricsTest extends PortalIntegrationTest {

    @Test
    void the_ledger_processing_group_and_the_intake_are_measured() {
        String subscriber = "m-" + UUID.randomUUID().toString().substring(0, 8);
        as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(subscriber + "-r1", subscriber, subscriber + "-mob", "2025-02-01", 10, 0, false)
                .mobile(subscriber + "-bad", subscriber, subscriber + "-mob", "not-a-date", 10, 0, false).body());
        await().atMost(Duration.ofSeconds(20)).until(() -> as("auditor", "auditor")
                .get("/api/v1/subscribers/" + subscriber + "/statements/2025-02").status() == 200);

        String metrics = as("ops", "ops").get("/actuator/prometheus").body();

        assertThat(metrics).containsPattern("eventProcessor_\\w+\\{[^}]*processorName=\"ledger\"");
        // the command bus is measured per command type (the ledger's batches reach it only for closed months)
        assertThat(metrics).containsPattern("commandBus_\\w+\\{[^}]*payloadType=\"\\w+Command\"");
        assertThat(metrics).containsPattern("usage_records_total\\{[^}]*outcome=\"accepted\"");
        assertThat(metrics).containsPattern("usage_ledger_backlog\\{");
        assertThat(metrics).containsPattern("usage_feed_newest_usage_age_days\\{[^}]*feed=\"api\"");
        assertThat(metrics).containsPattern("usage_records_total\\{[^}]*field=\"row\"[^}]*outcome=\"rejected\"");
        assertThat(metrics).containsPattern("ledger_dead_letters\\{[^}]*processingGroup=\"ledger\"[^}]*} 0");
        assertThat(metrics).containsPattern("usage_ledger_facts_fed_total\\{");
        assertThat(metrics).containsPattern("usage_records_total\\{[^}]*field=\"usage_date\"[^}]*outcome=\"rejected\"");
    }
}
