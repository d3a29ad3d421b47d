package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL, as in production: usage sent to both at once, the month closed on one,
 * late usage of the same subscribers sent to both; every figure exact, every event projected once; then the node
 * that holds the ledger projection's segment dies (its connections cut, no claim released) and the other takes the
 * segment over within the claim timeout and goes on projecting.
 */
class TwoNodesTest {

    private static final YearMonth MONTH = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);
    private static final int SUBSCRIBERS = 120;
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        nodeA = node("node-a");
        nodeB = node("node-b");
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        postgres.close();
    }

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--footprint.security.mode=demo",
                "--footprint.demo-data.enabled=false",
                "--footprint.month-close.scheduled=false",
                "--footprint.node-name=" + name,
                "--footprint.ledger.claim-timeout=" + CLAIM_TIMEOUT);
    }

    private static ApiClient as(ConfigurableApplicationContext node, String user, String password) {
        return new ApiClient(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")), user, password);
    }

    @Test
    void usage_sent_to_both_nodes_is_stated_exactly_once_and_a_dead_nodes_segment_is_taken_over() throws Exception {
        // (1) each subscriber's two records of the month, one sent to each node, both nodes at once
        List<Future<ApiClient.Response>> sent = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            String suffix = node == nodeA ? "a" : "b";
            long bytes = node == nodeA ? 1_000_000_000L : 2_000_000_000L;
            UsageFeed batch = UsageFeed.batch();
            for (int s = 0; s < SUBSCRIBERS; s++) {
                batch.mobile("tn-" + s + "-" + suffix, "tn-" + s, "tn-" + s + "-M1", MONTH.atDay(s % 28 + 1).toString(),
                        bytes, 0, false);
            }
            sent.add(senders.submit(() -> as(node, "feed", "feed").postJson("/api/v1/usage/records", batch.body())));
        }
        for (Future<ApiClient.Response> answer : sent) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
        }
        ApiClient.Response closed = as(nodeA, "ops", "ops").postJson("/api/v1/ops/months/" + MONTH + "/close", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> closedLines() == SUBSCRIBERS);
        assertThat(jdbc.queryForObject("SELECT sum(bytes) FROM ledger_statement_line WHERE month = ?", Long.class,
                MONTH.toString())).isEqualTo(SUBSCRIBERS * 3_000_000_000L);
        assertThat(issuedEvents()).as("one statement event per subscriber-month").isEqualTo(SUBSCRIBERS);

        // (2) late usage of the same subscribers, to both nodes at once: one correction each, exact figures
        sent.clear();
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            String suffix = node == nodeA ? "late-a" : "late-b";
            UsageFeed batch = UsageFeed.batch();
            for (int s = node == nodeA ? 0 : 1; s < SUBSCRIBERS; s += 2) {
                batch.mobile("tn-" + s + "-" + suffix, "tn-" + s, "tn-" + s + "-M1", MONTH.atDay(28).toString(),
                        500_000_000L, 0, false);
            }
            sent.add(senders.submit(() -> as(node, "feed", "feed").postJson("/api/v1/usage/records", batch.body())));
        }
        for (Future<ApiClient.Response> answer : sent) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
        }
        senders.shutdown();
        await().atMost(Duration.ofSeconds(60)).until(() -> corrections() == SUBSCRIBERS);
        assertThat(jdbc.queryForObject("SELECT sum(bytes) FROM ledger_statement_line WHERE month = ?", Long.class,
                MONTH.toString())).isEqualTo(SUBSCRIBERS * 3_500_000_000L);
        assertThat(as(nodeB, "tn-7", "demo").get("/api/v1/subscribers/tn-7/statements/" + MONTH).json()
                .get("lines").get(0).get("exact").get("bytes").asLong()).isEqualTo(3_500_000_000L);

        // readiness: the database and the read model's lag, on the node that projects; the other says it does not
        String projecting = segmentOwner();
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            var readiness = as(node, "ops", "ops").get("/actuator/health/readiness").json();
            assertThat(readiness.get("status").asString()).isEqualTo("UP");
            assertThat(readiness.get("components").get("db").get("status").asString()).isEqualTo("UP");
            var ledger = readiness.get("components").get("ledger");
            if (node.getEnvironment().getProperty("footprint.node-name").equals(projecting)) {
                assertThat(ledger.get("details").get("eventsBehind").asLong()).isZero();
            } else {
                assertThat(ledger.get("details").get("projection").asString()).isEqualTo("on another node");
            }
        }

        // (3) the node holding the projection's segment dies: its connections cut, its claim never released
        String owner = segmentOwner();
        ConfigurableApplicationContext dead = owner.equals("node-a") ? nodeA : nodeB;
        ConfigurableApplicationContext survivor = dead == nodeA ? nodeB : nodeA;
        dead.getBean(HikariDataSource.class).close();
        long diedAt = System.nanoTime();
        ApiClient.Response late = as(survivor, "feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile("tn-0-after-death", "tn-0", "tn-0-M1", MONTH.atDay(28).toString(), 250_000_000L, 0, false)
                .body());
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        await().atMost(CLAIM_TIMEOUT.plusSeconds(30)).until(() -> !segmentOwner().equals(owner));
        double takeOverSeconds = (System.nanoTime() - diedAt) / 1e9;
        System.out.printf("the ledger segment held by %s was taken over by %s %.1f s after it died (claim timeout"
                + " %s)%n", owner, segmentOwner(), takeOverSeconds, CLAIM_TIMEOUT);
        assertThat(segmentOwner()).isEqualTo(owner.equals("node-a") ? "node-b" : "node-a");
        await().atMost(Duration.ofSeconds(60)).until(() -> corrections() == SUBSCRIBERS + 1);
        assertThat(jdbc.queryForObject("SELECT bytes FROM ledger_statement_line WHERE subscriber_id = "
                + "(SELECT pseudonym FROM subscriber_pseudonym WHERE subscriber_id = 'tn-0') AND month = ?", Long.class,
                MONTH.toString())).isEqualTo(3_750_000_000L);
        dead.close();
    }

    private static long closedLines() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_statement_line WHERE month = ? AND status = 'CLOSED'",
                Long.class, MONTH.toString());
    }

    private static long issuedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%StatementIssued%'",
                Long.class);
    }

    private static long corrections() {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_statement_correction WHERE month = ?", Long.class,
                MONTH.toString());
    }

    private static String segmentOwner() {
        List<String> owners = jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = 'ledger' "
                + "AND owner IS NOT NULL", String.class);
        return owners.isEmpty() ? "" : owners.get(0);
    }
}
