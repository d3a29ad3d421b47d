package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring files of infra/ against a running instance: after some traffic (usage accepted and rejected, a
 * month closed, an integrity check, login failures up to throttling, a garbage collection), every metric an
 * alert rule or a Grafana dashboard reads is on {@code /actuator/prometheus}; {@code promtool} accepts the rules,
 * the Prometheus configuration and the scrape itself. promtool comes from Debian's prometheus package (.ci/run
 * installs it); without it the promtool checks are skipped and say so, the metric names are still checked.
 */
class MonitoringFilesTest extends PortalIntegrationTest {

    /** The month OpsBoardBrowserTest closes too (both pass whichever closes it first); no other test uses it. */
    private static final String MONTH = "2025-11";
    private static String scrape;

    @TempDir
    Path work;

    @BeforeEach
    void trafficThenScrape() {
        if (scrape != null) {
            return;
        }
        String subscriber = "mon-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient feed = as("feed", "feed");
        assertThat(feed.postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(subscriber + "-r1", subscriber, subscriber + "-mob", MONTH + "-02", 10, 0, false)
                .mobile(subscriber + "-bad", subscriber, subscriber + "-mob", "not-a-date", 10, 0, false).body())
                .status()).isEqualTo(200);
        ApiClient auditor = as("auditor", "auditor");
        await().atMost(Duration.ofSeconds(30)).until(() -> auditor
                .get("/api/v1/subscribers/" + subscriber + "/statements/" + MONTH).status() == 200);
        ApiClient ops = as("ops", "ops");
        assertThat(ops.postJson("/api/v1/ops/months/" + MONTH + "/close", "").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/audit/integrity").status()).isEqualTo(200);
        // no digest is recorded here: the shared application has none until a test of its own records one
        // an account nobody has: its failures throttle it alone (the address limit is far above these few)
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 6; i++) {
            as(stranger, "wrong").get("/api/v1/factor-sets");
        }
        // the GC pause timer is registered at the first collection, which a young test JVM may not have had yet
        System.gc();
        scrape = await().atMost(Duration.ofSeconds(10)).until(() -> ops.get("/actuator/prometheus").body(),
                body -> body.contains("jvm_gc_pause_seconds_sum"));
    }

    @Test
    void every_metric_the_alert_rules_and_dashboards_read_is_served() {
        Set<String> served = MonitoringFiles.servedNames(scrape);
        Set<String> recorded = MonitoringFiles.recordedNames();
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, String> expressions = MonitoringFiles.expressions();
        for (Map.Entry<String, String> expression : expressions.entrySet()) {
            for (String name : MonitoringFiles.metricNames(expression.getValue())) {
                if (!served.contains(name) && !recorded.contains(name)) {
                    missing.computeIfAbsent(name, n -> new java.util.TreeSet<>()).add(expression.getKey());
                }
            }
        }
        assertThat(expressions).as("expressions found in the alert rules and dashboards").hasSizeGreaterThan(40);
        assertThat(missing).as("metrics read by infra/ but not on /actuator/prometheus (name -> where)").isEmpty();
    }

    @Test
    void the_metric_names_are_read_out_of_promql_without_labels_functions_or_keywords() {
        assertThat(MonitoringFiles.metricNames("sum by (instance, pool) (increase(hikaricp_connections_timeout_total"
                + "{application=\"footprint-ledger\", uri!~\"/actuator.*\"}[5m])) > 0 and time() - max(up) > 2 * 86400"))
                .containsExactly("hikaricp_connections_timeout_total");
        assertThat(MonitoringFiles.metricNames("label_values(process_start_time_seconds{application=\"x\"}, instance)"))
                .containsExactly("process_start_time_seconds");
        assertThat(MonitoringFiles.metricNames("rate(a_total[$__rate_interval]) / ignoring(le) b_seconds_count offset 1h"))
                .containsExactly("a_total", "b_seconds_count");
    }

    @Test
    void promtool_accepts_the_rules_the_configuration_and_the_scrape() throws Exception {
        Assumptions.assumeTrue(promtool() != null, "SKIPPED: promtool not found (Debian package prometheus: "
                + "apt-get install --no-install-recommends prometheus, as .ci/run does); the rules, the Prometheus "
                + "configuration and the scrape were not checked by promtool");
        assertThat(run(List.of(promtool(), "check", "rules", MonitoringFiles.ALERT_RULES.toString()), null))
                .contains("SUCCESS");
        // the configuration as the compose file and the README mount it: its password file at its place
        Path config = work.resolve("prometheus.yml");
        Files.copy(MonitoringFiles.ALERT_RULES, work.resolve("alert-rules.yml"));
        Files.createDirectories(work.resolve("targets"));
        Files.copy(MonitoringFiles.INFRA.resolve("prometheus/targets/footprint-ledger.yml"),
                work.resolve("targets/footprint-ledger.yml"));
        Files.writeString(work.resolve("ops-password"), "ops");
        Files.writeString(config, MonitoringFiles.read(MonitoringFiles.PROMETHEUS_CONFIG)
                .replace("/etc/prometheus/secrets/footprint-ledger-ops-password", work.resolve("ops-password")
                        .toString()));
        assertThat(run(List.of(promtool(), "check", "config", config.toString()), null)).contains("SUCCESS");
        // lint problems (a counter without _total, ...) are reported but are the libraries' names, not errors;
        // what must hold is that the exposition parses
        String metrics = run(List.of(promtool(), "check", "metrics"), scrape);
        assertThat(metrics).doesNotContain("error while linting");
    }

    private static String promtool() {
        for (String candidate : List.of("/usr/bin/promtool", "/usr/local/bin/promtool")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs the command (with {@code input} on its standard input), asserts it succeeded, returns its output. */
    private String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (!command.contains("metrics")) {
            assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        }
        return output;
    }
}
