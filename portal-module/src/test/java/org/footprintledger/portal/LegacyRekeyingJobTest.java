package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.footprintledger.footprint.api.LegacyRekeying;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The background job re-keys every subscriber of the release's dump (the one of {@link MigrationFromReleaseTest},
 * restored in a database of its own) who was never erased (ADR 0013): afterwards no ledger table names a subscriber
 * id or a line id of the release, every statement reads as the release served it, every chain verifies. Late usage
 * the feeder had already resolved to the old stream id while the job was re-keying its subscriber waits for the job,
 * is refused under the old id, and goes under the new key at the feeder's next round.
 */
class LegacyRekeyingJobTest {

    /** PrefetchingEventStorageEngine.APPEND_LOCK: the test holds it to line the feeder up behind the job. */
    private static final long APPEND_LOCK = 0x4c45444745524150L;
    /** Late usage arrives for its closed October while the job re-keys it (first page: page size 5). */
    private static final String LATE = "S0000002";
    private static final String LATE_LINE = "S0000002-M2";
    private static final long LATE_BYTES = 10_000_000_000L;
    /** Its chain altered: left under its id by the job, until ops repair it and clear the mark. */
    private static final String BROKEN = "S0000003";
    private static final String ERASED_AFTERWARDS = "S0000010";

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;
    private static ApiClient auditor;
    private static ApiClient ops;
    private static LegacyRekeying job;

    private static List<String> legacySubscribers;
    private static List<String> legacyLines;
    private static final Map<String, String> statementsBefore = new LinkedHashMap<>();
    private static JsonNode integrityBefore;
    private static long lateStreamEventsBefore;
    private static long lateBytesBefore;
    private static LegacyRekeying.Run firstRun;
    private static boolean brokenLeftUnderItsId;
    private static LegacyRekeying.Run whileStillMarked;
    private static LegacyRekeying.Run onceRepaired;

    @BeforeAll
    static void restoreTheReleaseDatabaseAndReKeyItWhileLateUsageArrives() throws Exception {
        app = ReleaseDatabase.startedOnACopy("footprint-legacy-rekeying-db",
                "--footprint.rekeying.legacy.enabled=false", "--footprint.rekeying.legacy.page-size=5");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        jdbc = app.getBean(JdbcTemplate.class);
        auditor = new ApiClient(port, "auditor", "auditor");
        ops = new ApiClient(port, "ops", "ops");
        job = app.getBean(LegacyRekeying.class);

        legacySubscribers = jdbc.queryForList("SELECT subscriber_id FROM subscriber_pseudonym WHERE legacy "
                + "ORDER BY 1", String.class);
        legacyLines = jdbc.queryForList("SELECT line_id FROM line_pseudonym WHERE legacy ORDER BY 1", String.class);
        assertThat(legacySubscribers).hasSize(20).contains(LATE, BROKEN, ERASED_AFTERWARDS);
        assertThat(job.subscribersLeft()).isEqualTo(20);
        assertThat(ops.get("/api/v1/ops/board").json().get("legacySubscribersLeft").asLong()).isEqualTo(20);
        for (String subscriber : legacySubscribers) {
            statementsBefore.put(subscriber, statementsOf(subscriber).body());
        }
        integrityBefore = auditor.get("/api/v1/audit/integrity").json();
        assertThat(integrityBefore.get("intact").asBoolean()).isTrue();
        assertThat(auditor.postJson("/api/v1/audit/integrity/digests", "").status()).isEqualTo(200);
        lateStreamEventsBefore = eventsOf(LATE + "/2026-10");
        lateBytesBefore = lateLine().get("exact").get("bytes").asLong();

        Map<String, Object> altered = tamper(BROKEN + "/2026-09");
        try {
            firstRun = reKeyWhileTheFeederWaitsWithTheOldStreamId();
            brokenLeftUnderItsId = eventsOf(BROKEN + "/2026-09") > 0 && jdbc.queryForObject("SELECT legacy AND "
                    + "rekeying_refused_at IS NOT NULL FROM subscriber_pseudonym WHERE subscriber_id = ?",
                    Boolean.class, BROKEN);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", altered.get("payload"),
                    altered.get("global_index"));
        }
        whileStillMarked = job.rekeyNow();
        // ops explained the chain (here: repaired it) and clear the mark
        jdbc.update("UPDATE subscriber_pseudonym SET rekeying_refused_at = NULL WHERE subscriber_id = ?", BROKEN);
        onceRepaired = job.rekeyNow();
    }

    /**
     * Holds the append lock, starts the job (its first page waits for the lock with {@link #LATE} in it), sends late
     * usage for {@link #LATE}'s closed October (the feeder resolves it to the stream under its id, still legacy, and
     * waits for the lock behind the job), then lets them go: the job commits first, the feeder's append comes after.
     */
    private static LegacyRekeying.Run reKeyWhileTheFeederWaitsWithTheOldStreamId() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection holder = app.getBean(DataSource.class).getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
            }
            Future<LegacyRekeying.Run> run = thread.submit(job::rekeyNow);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheLock() == 1);

            ApiClient.Response sent = new ApiClient(Integer.parseInt(app.getEnvironment()
                    .getProperty("local.server.port")), "feed", "feed").postJson("/api/v1/usage/records",
                    UsageFeed.batch().mobile("late-after-rekeying-1", LATE, LATE_LINE, "2026-10-20", LATE_BYTES, 0,
                            false).body());
            assertThat(sent.status()).as(sent.body()).isLessThan(300);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheLock() == 2);

            holder.rollback();
            return run.get();
        } finally {
            thread.shutdownNow();
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_subscriber_of_the_release_is_re_keyed_page_by_page_but_one_whose_chain_does_not_verify() {
        assertThat(firstRun.rekeyed()).isEqualTo(19);
        assertThat(firstRun.skipped()).isEqualTo(1);
        assertThat(firstRun.pages()).isEqualTo(4);
        assertThat(firstRun.stoppedBecause()).contains("no legacy subscriber left");
        assertThat(brokenLeftUnderItsId).as("the broken chain left under its id, marked").isTrue();
        assertThat(whileStillMarked.rekeyed() + whileStillMarked.skipped()).as("not tried again").isZero();
        assertThat(onceRepaired.rekeyed()).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM subscriber_pseudonym WHERE legacy", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM line_pseudonym WHERE legacy", Long.class)).isZero();
        assertThat(job.subscribersLeft()).isZero();
        assertThat(ops.get("/api/v1/ops/board").json().get("legacySubscribersLeft").asLong()).as("on the ops board")
                .isZero();
        MeterRegistry metrics = app.getBean(MeterRegistry.class);
        assertThat(metrics.get("ledger.legacy.subscribers").gauge().value()).isZero();
        assertThat(metrics.get("ledger.legacy.rekeyed").counter().count()).isEqualTo(20);
        assertThat(metrics.get("ledger.legacy.skipped").counter().count()).isEqualTo(1);

        JsonNode rekeyings = auditor.get("/api/v1/audit/integrity/rekeyings").json();
        assertThat(rekeyings).hasSize(20).allSatisfy(rekeying -> {
            assertThat(rekeying.get("cause").asString()).isEqualTo("LEGACY_JOB");
            assertThat(rekeying.get("subscriberKey").asString()).matches("~[0-9a-f]{32}");
            assertThat(rekeying.get("digestsRewritten").asLong()).as("the digest taken before").isPositive();
        });
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT rekeyed_at) FROM ledger_rekeying", Long.class))
                .as("one record time per page").isEqualTo(5);
        Browser auditorPages = new Browser(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        auditorPages.logIn("auditor", "auditor");
        assertThat(auditorPages.open("/audit/integrity")).as("the auditors' integrity page")
                .contains(rekeyings.get(0).get("subscriberKey").asString(), "nouvelle clé en arrière-plan");
    }

    @Test
    void no_ledger_table_column_event_stream_id_or_digest_holds_an_id_or_a_line_id_of_the_release() {
        for (String id : legacySubscribers) {
            // the release's line ids embed the subscriber id: looking for the id finds them too
            assertThat(outsideTheKeysAndDevices(id)).as(id).isEmpty();
        }
        for (String line : legacyLines) {
            assertThat(outsideTheKeysAndDevices(line)).as(line).isEmpty();
        }
    }

    /**
     * The footprint columns holding the value, but the ones that are meant to name a subscriber still a customer by
     * its id: the mapping to its keys and its declared devices (its erasure deletes them).
     */
    private static List<String> outsideTheKeysAndDevices(String value) {
        return FootprintColumns.holding(jdbc, value).stream()
                .filter(column -> !column.startsWith("subscriber_pseudonym.subscriber_id ")
                        && !column.startsWith("line_pseudonym.line_id ") && !column.startsWith("subscriber_device."))
                .toList();
    }

    @Test
    void every_statement_reads_as_the_release_served_it() throws Exception {
        for (String subscriber : new String[] {"S0000000", "S0000001", "S0000005"}) {
            MigrationFromReleaseTest.assertSameStatements(statementsOf(subscriber).json(),
                    MigrationFromReleaseTest.expected(subscriber + ".statements.json"), subscriber);
        }
        for (String subscriber : legacySubscribers) {
            if (!subscriber.equals(LATE) && !subscriber.equals(ERASED_AFTERWARDS)) {
                assertThat(statementsOf(subscriber).body()).as(subscriber).isEqualTo(statementsBefore.get(subscriber));
            }
        }
    }

    @Test
    void late_usage_resolved_to_the_old_stream_while_the_job_re_keyed_its_subscriber_goes_under_the_new_key() {
        JsonNode line = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(LegacyRekeyingJobTest::lateLine, l -> l.get("corrections").size() == 1);
        assertThat(line.get("exact").get("bytes").asLong()).isEqualTo(lateBytesBefore + LATE_BYTES);
        assertThat(line.get("corrections").get(0).get("toGrams").asLong())
                .isGreaterThan(line.get("corrections").get(0).get("fromGrams").asLong());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Long.class, LATE + "/%")).as("events under the old stream id").isZero();
        String key = jdbc.queryForObject("SELECT pseudonym FROM subscriber_pseudonym WHERE subscriber_id = ?",
                String.class, LATE);
        assertThat(eventsOf(key + "/2026-10")).as("its October, with the late usage")
                .isGreaterThan(lateStreamEventsBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_parked_ledger", Long.class))
                .as("retried, not parked").isZero();
    }

    @Test
    void every_chain_verifies_with_the_same_streams_and_the_late_usage_the_only_new_events() {
        late_usage_resolved_to_the_old_stream_while_the_job_re_keyed_its_subscriber_goes_under_the_new_key();
        String key = jdbc.queryForObject("SELECT pseudonym FROM subscriber_pseudonym WHERE subscriber_id = ?",
                String.class, LATE);
        JsonNode integrity = auditor.get("/api/v1/audit/integrity").json();
        assertThat(integrity.get("intact").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.get("streamsChecked").asLong()).isEqualTo(integrityBefore.get("streamsChecked").asLong());
        assertThat(integrity.get("eventsChecked").asLong()).isEqualTo(integrityBefore.get("eventsChecked").asLong()
                + eventsOf(key + "/2026-10") - lateStreamEventsBefore);
        JsonNode kept = auditor.get("/api/v1/audit/integrity/digests/latest").json();
        assertThat(auditor.postJson("/api/v1/audit/integrity/digest-check", kept.toString()).json().get("holds")
                .asBoolean()).as("the kept digest, rewritten without the old heads").isTrue();
    }

    @Test
    void a_re_keyed_subscriber_is_erased_like_any_other() {
        ApiClient.Response erasure = ops.postJson("/api/v1/ops/subscribers/" + ERASED_AFTERWARDS + "/erasure",
                Map.of("reason", "demande de l'abonné (art. 17)"));
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);
        assertThat(erasure.json().get("erased").get("subscriber_key").asLong()).isEqualTo(1);
        assertThat(erasure.json().get("erased").get("streams_rekeyed").asLong()).as("re-keyed already").isZero();
        assertThat(auditor.get("/api/v1/subscribers/" + ERASED_AFTERWARDS + "/statements/2026-10").status())
                .isEqualTo(404);
    }

    private static ApiClient.Response statementsOf(String subscriber) {
        return auditor.get("/api/v1/subscribers/" + subscriber + "/statements?from=2026-08&to=2026-12");
    }

    private static JsonNode lateLine() {
        JsonNode statement = auditor.get("/api/v1/subscribers/" + LATE + "/statements/2026-10").json();
        for (JsonNode line : statement.get("lines")) {
            if (line.get("lineId").asString().equals(LATE_LINE)) {
                return line;
            }
        }
        throw new AssertionError(LATE_LINE + " not in " + statement);
    }

    private static long eventsOf(String stream) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, stream);
    }

    private static long waitingForTheLock() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
                Long.class);
    }

    /** Alters the first event of the stream (as LegacySubscriberErasureTest does); the row as it was. */
    private static Map<String, Object> tamper(String stream) {
        Map<String, Object> event = jdbc.queryForMap("SELECT global_index, payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", stream);
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"recordsDelta\":', '\"recordsDelta\":1'), 'UTF8') WHERE global_index = ?",
                event.get("global_index"));
        return event;
    }
}
