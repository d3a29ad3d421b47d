package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The auditors' pages: a simulation started from the form, its report with the chart and the table beside it, a
 * restatement started from it with its progress, in French and English; only auditors reach them. ADEME 2022 over
 * August 2024 (SimulationLeavesTheLedgerAloneTest's month, read only: its statements are already under that set, so
 * the restatement finds nothing to change).
 */
class AuditJobPagesTest extends PortalIntegrationTest {

    @Test
    void an_auditor_simulates_reads_the_report_and_restates_from_the_pages() {
        Browser browser = new Browser(port);
        browser.logIn("auditor", "auditor");
        String list = browser.open("/audit/simulations");
        assertThat(list).contains("<h1>Simulations</h1>", "name=\"factorSetId\"", "ADEME-2022");

        HttpResponse<String> started = browser.submit("/audit/simulations",
                Map.of("factorSetId", "ADEME-2022", "from", "2024-08", "to", "2024-08"));
        assertThat(started.statusCode()).isEqualTo(200);
        String path = started.uri().getPath();
        assertThat(path).startsWith("/audit/simulations/");
        String report = await().atMost(Duration.ofSeconds(30)).until(() -> browser.open(path),
                page -> page.contains("terminée"));
        assertThat(report).contains("<svg role=\"img\"", "Distribution des écarts par ligne", "médiane",
                "format=csv");

        browser.open("/audit/restatements?simulationId=" + path.substring(path.lastIndexOf('/') + 1));
        HttpResponse<String> restated = browser.submit("/audit/restatements", Map.of(
                "simulationId", path.substring(path.lastIndexOf('/') + 1), "reason", "contrôle"));
        assertThat(restated.statusCode()).isEqualTo(200);
        assertThat(restated.uri().getPath()).startsWith("/audit/restatements/");
        String job = await().atMost(Duration.ofSeconds(30)).until(() -> browser.open(restated.uri().getPath()),
                page -> page.contains("terminée"));
        assertThat(job).contains("seuil de significativité 5 %", "2024-08");

        assertThat(browser.open("/audit/restatements?lang=en")).contains("Restate from a simulation");
        assertThat(browser.open("/audit/simulations/nope")).doesNotContain("Whitelabel");
    }

    @Test
    void subscribers_and_editors_do_not_reach_the_auditors_pages() {
        Browser editor = new Browser(port);
        editor.logIn("editor", "editor");
        assertThat(editor.open("/audit/simulations")).doesNotContain("name=\"factorSetId\"");
        Browser subscriber = new Browser(port);
        subscriber.logIn("S0000000", "demo");
        assertThat(subscriber.open("/audit/restatements")).doesNotContain("name=\"reason\"");
    }
}
