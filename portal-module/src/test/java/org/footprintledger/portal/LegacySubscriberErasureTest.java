package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.portal.web.StatementReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A subscriber whose streams the release before the keys wrote, chained and digested under its clear id and its line
 * ids (the dump of {@link MigrationFromReleaseTest}, restored in a database of its own) asks to be erased: its streams
 * are re-keyed first (ADR 0013), then it is erased like any other. Afterwards nothing in the ledger names it, every
 * chain verifies, every total and the other subscribers' statements are unchanged, and a digest an auditor took
 * before is explained by the re-keying the auditors can read.
 */
class LegacySubscriberErasureTest {

    private static final String RELEASE = "/release-18a3396/";
    /** The release's demo subscriber with the most history: four closed months, a correction, an open month. */
    private static final String ERASED = "S0000000";
    private static final List<String> ITS_LINES = List.of("S0000000-F1", "S0000000-M1");
    private static final List<String> OTHERS = List.of("S0000001", "S0000005", "S0000010");
    private static final List<String> MONTHS = List.of("2026-08", "2026-09", "2026-10", "2026-11", "2026-12");
    /** One of its accrual events, parked by the release's dead-letter queue (as MigrationFromReleaseTest does). */
    private static final String PARKED_EVENT = "8cebd5b7-77aa-4f77-b7be-ecb7bca53cd7";

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;
    private static ApiClient auditor;
    private static ApiClient ops;

    private static final Map<String, String> othersBefore = new LinkedHashMap<>();
    private static final Map<String, Object> totalsBefore = new LinkedHashMap<>();
    private static int port;
    private static JsonNode integrityBefore;
    private static JsonNode digestHeldByTheAuditor;
    private static ApiClient.Response erasure;
    private static long streamsOfTheSubscriber;
    private static long eventsOfTheSubscriber;

    @BeforeAll
    static void restoreTheReleaseDatabaseAndEraseOneOfItsSubscribers() throws Exception {
        app = ReleaseDatabase.startedOnACopy("footprint-legacy-erasure-db",
                "--footprint.rekeying.legacy.enabled=false");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        jdbc = app.getBean(JdbcTemplate.class);
        auditor = new ApiClient(port, "auditor", "auditor");
        ops = new ApiClient(port, "ops", "ops");

        assertThat(jdbc.queryForObject("SELECT pseudonym FROM subscriber_pseudonym WHERE subscriber_id = ?",
                String.class, ERASED)).as("a legacy subscriber: its key is its id").isEqualTo(ERASED);
        streamsOfTheSubscriber = jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM "
                + "domain_event_entry WHERE aggregate_identifier LIKE ?", Long.class, ERASED + "/%");
        eventsOfTheSubscriber = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier LIKE ?", Long.class, ERASED + "/%");
        assertThat(streamsOfTheSubscriber).isEqualTo(MONTHS.size());
        // its open month's ledger parked by the usage module, the refused line named by its key (its id, here)
        jdbc.update("INSERT INTO usage_parked_ledger (subscriber_id, month, ledger_id, reason, first_failed_at, "
                + "last_failed_at, attempts) VALUES (?, '2026-12', ?, ?, now(), now(), 1)", ERASED, ERASED + "/2026-12",
                "the ledger refused line " + ITS_LINES.get(1) + ": a test");
        for (String other : OTHERS) {
            othersBefore.put(other, statementsOf(other).body());
        }
        totalsBefore.putAll(totals());
        integrityBefore = auditor.get("/api/v1/audit/integrity").json();
        assertThat(integrityBefore.get("intact").asBoolean()).isTrue();
        assertThat(auditor.get("/api/v1/subscribers/" + ERASED + "/export").status()).isEqualTo(200);
        JsonNode simulation = simulateEveryClosedMonth();
        assertThat(simulation.toString()).as("the simulation names the legacy subscriber by its id").contains(ERASED);
        ApiClient.Response digest = auditor.postJson("/api/v1/audit/integrity/digests", "");
        assertThat(digest.status()).as(digest.body()).isEqualTo(200);
        digestHeldByTheAuditor = digest.json();
        assertThat(digestHeldByTheAuditor.toString()).contains(ERASED + "/2026-08");
        assertThat(footprintColumnsHolding(ERASED)).as("where the release left the id, before the erasure")
                .contains("domain_event_entry.aggregate_identifier (" + eventsOfTheSubscriber + " row(s))",
                        "domain_event_entry.payload (" + eventsOfTheSubscriber + " row(s))",
                        "ledger_statement_line.line_id (9 row(s))", "ledger_month_index.subscriber_id (5 row(s))",
                        "dead_letter_entry.cause_message (1 row(s))", "dead_letter_entry.payload (1 row(s))",
                        "ledger_simulation_month.report (4 row(s))", "personal_data_log.subject_key (1 row(s))",
                        "ledger_chain_digest.heads, uncompressed (1 row(s))");

        erasure = ops.postJson("/api/v1/ops/subscribers/" + ERASED + "/erasure",
                Map.of("reason", "demande de l'abonné (art. 17)"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_erasure_of_a_subscriber_of_the_earlier_release_answers_as_any_other_after_re_keying_its_streams() {
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);
        JsonNode counts = erasure.json().get("erased");
        assertThat(counts.get("subscriber_key").asLong()).isEqualTo(1);
        assertThat(counts.get("streams_rekeyed").asLong()).isEqualTo(streamsOfTheSubscriber);
        assertThat(counts.get("line_keys").asLong()).isEqualTo(ITS_LINES.size());
        assertThat(counts.get("devices").asLong()).isEqualTo(2);
        assertThat(erasure.body()).doesNotContain("~");
        assertThat(ops.postJson("/api/v1/ops/subscribers/" + ERASED + "/erasure", Map.of("reason", "again"))
                .status()).as("a second erasure").isEqualTo(404);
    }

    @Test
    void every_endpoint_that_took_its_id_answers_as_for_an_id_never_known() {
        String unknown = "U0000099";
        for (String path : List.of("/statements/2026-10", "/statements?from=2026-08&to=2026-12",
                "/statements/2026-11/explanation", "/devices")) {
            ApiClient.Response forErased = auditor.get("/api/v1/subscribers/" + ERASED + path);
            ApiClient.Response forUnknown = auditor.get("/api/v1/subscribers/" + unknown + path);
            assertThat(forErased.status()).as(path).isEqualTo(forUnknown.status()).isLessThan(500);
            assertThat(forErased.body().replace(ERASED, unknown)).as(path).isEqualTo(forUnknown.body());
        }
        JsonNode export = auditor.get("/api/v1/subscribers/" + ERASED + "/export").json();
        assertThat(export.get("statements")).isEmpty();
        assertThat(export.get("explanations")).isEmpty();
    }

    @Test
    void no_ledger_table_column_event_stream_id_or_digest_holds_its_id_or_its_line_ids() {
        // the line ids embed the subscriber id: looking for the id finds them too
        assertThat(footprintColumnsHolding(ERASED)).as("footprint tables holding the id or a line id").isEmpty();
        for (String line : ITS_LINES) {
            assertThat(footprintColumnsHolding(line)).as(line).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_parked_ledger WHERE strpos(subscriber_id || "
                + "ledger_id || reason, ?) > 0", Long.class, ERASED)).as("parked ledgers naming it").isZero();
        assertThat(jdbc.queryForObject("SELECT reason FROM usage_parked_ledger", String.class))
                .matches("the ledger refused line ~[0-9a-f]{32}: a test");
        for (String table : List.of("usage_line", "usage_line_month", "usage_ledger_fact", "usage_record")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE subscriber_id = ? "
                    + "OR line_id = ANY (?::text[])", Long.class, ERASED, ITS_LINES.toArray(String[]::new)))
                    .as(table + " rows under the id or a line id").isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Long.class, "~%/%")).as("streams under a key")
                .isGreaterThanOrEqualTo(streamsOfTheSubscriber);
    }

    @Test
    void every_chain_verifies_and_every_total_and_average_is_unchanged() {
        JsonNode integrity = auditor.get("/api/v1/audit/integrity").json();
        assertThat(integrity.get("intact").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.get("streamsChecked").asLong()).isEqualTo(integrityBefore.get("streamsChecked").asLong());
        assertThat(integrity.get("eventsChecked").asLong()).isEqualTo(integrityBefore.get("eventsChecked").asLong());
        assertThat(totals()).isEqualTo(totalsBefore);
        String key = jdbc.queryForObject("SELECT subscriber_key FROM ledger_rekeying", String.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Long.class, key + "/%")).as("its events, under the new key").isEqualTo(eventsOfTheSubscriber);
    }

    @Test
    void the_other_subscribers_statements_are_unchanged() {
        for (String other : OTHERS) {
            assertThat(statementsOf(other).body()).as(other).isEqualTo(othersBefore.get(other));
        }
    }

    @Test
    void a_digest_taken_before_is_explained_by_the_re_keying_the_auditors_can_read() {
        JsonNode check = auditor.postJson("/api/v1/audit/integrity/digest-check", digestHeldByTheAuditor.toString())
                .json();
        assertThat(check.get("holds").asBoolean()).as("its streams are gone from under their old names").isFalse();
        assertThat(check.get("mismatches")).hasSize((int) streamsOfTheSubscriber)
                .allSatisfy(mismatch -> assertThat(mismatch.get("problem").asString()).contains("deleted"));
        JsonNode rekeyed = check.get("rekeyedSince");
        assertThat(rekeyed.get("rekeyings").asLong()).isEqualTo(1);
        assertThat(rekeyed.get("deletedAccountedFor").asLong()).isEqualTo(streamsOfTheSubscriber);
        assertThat(rekeyed.get("explained").asBoolean()).as(check.toString()).isTrue();

        JsonNode kept = auditor.get("/api/v1/audit/integrity/digests/latest").json();
        assertThat(kept.toString()).as("the kept digest, rewritten without the old heads").doesNotContain(ERASED);
        assertThat(kept.get("streams").asLong())
                .isEqualTo(digestHeldByTheAuditor.get("streams").asLong() - streamsOfTheSubscriber);
        assertThat(auditor.postJson("/api/v1/audit/integrity/digest-check", kept.toString()).json().get("holds")
                .asBoolean()).isTrue();

        JsonNode rekeyings = auditor.get("/api/v1/audit/integrity/rekeyings").json();
        assertThat(rekeyings).hasSize(1);
        JsonNode rekeying = rekeyings.get(0);
        assertThat(rekeying.get("cause").asString()).isEqualTo("ERASURE");
        assertThat(rekeying.get("streams").asLong()).isEqualTo(streamsOfTheSubscriber);
        assertThat(rekeying.get("events").asLong()).isEqualTo(eventsOfTheSubscriber);
        assertThat(rekeying.get("lines").asLong()).isEqualTo(ITS_LINES.size());
        assertThat(rekeying.get("digestsRewritten").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rekeying.get("personalDataLogEntry").asLong()).isEqualTo(erasure.json().get("logEntry").asLong());
        assertThat(rekeying.get("subscriberKey").asString()).matches("~[0-9a-f]{32}");
        assertThat(ops.get("/api/v1/audit/integrity/rekeyings").status()).isEqualTo(403);
        Browser auditorPages = new Browser(port);
        auditorPages.logIn("auditor", "auditor");
        assertThat(auditorPages.open("/audit/integrity")).as("the auditors' integrity page")
                .contains("Flux renommés", rekeying.get("subscriberKey").asString(), "effacement de l&#39;abonné")
                .doesNotContain(ERASED);

        JsonNode log = auditor.get("/api/v1/audit/personal-data-log").json();
        assertThat(log.toString()).as("the export before the erasure, now under the new key").doesNotContain(ERASED);
        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.get("kind").asString()).isEqualTo("EXPORT");
            assertThat(entry.get("subjectKey").asString()).isEqualTo(rekeying.get("subscriberKey").asString());
        });
    }

    @Test
    void a_subscriber_of_the_earlier_release_whose_chain_was_altered_is_not_re_keyed_which_would_hide_the_break() {
        String tampered = "S0000003";
        Map<String, Object> event = jdbc.queryForMap("SELECT global_index, payload FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", tampered + "/2026-09");
        long streams = jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                + "WHERE aggregate_identifier LIKE ?", Long.class, tampered + "/%");
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"recordsDelta\":', '\"recordsDelta\":1'), 'UTF8') WHERE global_index = ?",
                event.get("global_index"));
        try {
            ApiClient.Response refused = ops.postJson("/api/v1/ops/subscribers/" + tampered + "/erasure",
                    Map.of("reason", "demande de l'abonné (art. 17)"));

            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("message").asString()).contains("2026-09", "does not verify",
                    "nothing was erased");
            assertThat(jdbc.queryForObject("SELECT pseudonym FROM subscriber_pseudonym WHERE subscriber_id = ?",
                    String.class, tampered)).as("still mapped, to its id").isEqualTo(tampered);
            assertThat(jdbc.queryForObject("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                    + "WHERE aggregate_identifier LIKE ?", Long.class, tampered + "/%"))
                    .as("every stream still under its id, the one before the broken one too").isEqualTo(streams);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_record WHERE subscriber_id = ?", Long.class,
                    tampered)).as("its records kept").isPositive();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_rekeying", Long.class))
                    .as("only the re-keying of the subscriber erased").isEqualTo(1);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", event.get("payload"),
                    event.get("global_index"));
        }
    }

    @Test
    void its_parked_event_is_parked_under_its_new_stream_id_as_the_ledger_now_stores_it() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = app.getBean(EventProcessingConfiguration.class)
                .deadLetterQueue("ledger").orElseThrow();
        List<DeadLetter<? extends EventMessage<?>>> parked = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> sequence.forEach(parked::add));

        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).message().getIdentifier()).isEqualTo(PARKED_EVENT);
        assertThat(parked.get(0).message().getPayload()).isInstanceOfSatisfying(LineUsageAccruedEvent.class, event -> {
            assertThat(event.lineId()).matches("~[0-9a-f]{32}");
            assertThat(event.subscriberId()).matches("~[0-9a-f]{32}");
            assertThat(event.hashMatchesContent()).isTrue();
            assertThat(event.hash()).isEqualTo(jdbc.queryForObject("SELECT encode(payload, 'escape') FROM "
                    + "domain_event_entry WHERE event_identifier = ?", String.class, PARKED_EVENT)
                    .replaceAll("(?s).*\"hash\":\"([0-9a-f]{64})\".*", "$1"));
        });
    }

    private static ApiClient.Response statementsOf(String subscriber) {
        return auditor.get("/api/v1/subscribers/" + subscriber + "/statements?from=2026-08&to=2026-12");
    }

    /** Each month's figures over every subscriber, the average line of each type, the usage counted. */
    private static Map<String, Object> totals() {
        Map<String, Object> totals = new LinkedHashMap<>();
        StatementReader statements = app.getBean(StatementReader.class);
        for (String month : MONTHS) {
            totals.put(month, jdbc.queryForMap("SELECT count(*) AS lines, sum(co2e_grams) AS grams, "
                    + "sum(shown_bytes) AS shown_bytes, sum(bytes) AS bytes, count(DISTINCT subscriber_id) AS "
                    + "subscribers FROM ledger_statement_line WHERE month = ?", month));
            totals.put(month + " counted", jdbc.queryForMap("SELECT count(*) AS line_months, sum(bytes) AS bytes "
                    + "FROM usage_line_month WHERE month = ?", month));
            totals.put(month + " averages", statements.averages(YearMonth.parse(month)).toString());
        }
        return totals;
    }

    /**
     * The columns of the footprint module's tables (the event store, the Axon tables and every table of the ledger
     * module's migrations) whose rows hold the value: every text and json value, and the bytes of each binary column.
     */
    private static List<String> footprintColumnsHolding(String value) {
        return FootprintColumns.holding(jdbc, value);
    }

    /** A simulation of every closed month with a draft set that changes every figure, followed to its end. */
    private static JsonNode simulateEveryClosedMonth() {
        List<Map<String, Object>> values = List.of(value("MOBILE", 0, 90), value("FIXED", 0, 9));
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("id", "REKEY-DRAFT");
        draft.put("name", "draft for the re-keying test");
        draft.put("method", "operator values (test)");
        draft.put("validFrom", "2022-01-01");
        draft.put("validUntil", null);
        draft.put("octetsPerGo", 1_000_000_000L);
        draft.put("values", values);
        draft.put("methodSummary", "Valeurs de test.");
        ApiClient.Response started = auditor.postJson("/api/v1/audit/simulations",
                Map.of("draft", draft, "from", "2026-08", "to", "2026-11"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("simulationId").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                auditor.get("/api/v1/audit/simulations/" + id).json().get("status").asString(),
                status -> status.equals("COMPLETED") || status.equals("FAILED"));
        JsonNode report = auditor.get("/api/v1/audit/simulations/" + id + "/report").json();
        assertThat(report.get("simulation").get("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
        return report;
    }

    private static Map<String, Object> value(String lineType, Object fixed, Object perGo) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("lineType", lineType);
        value.put("gramsPerLineMonth", fixed);
        value.put("gramsPerGo", perGo);
        value.put("source", "test values");
        return value;
    }

    /** As MigrationFromReleaseTest parks it: one of the subscriber's accrual events, as the release's JPA queue did. */
    static String parkAnEventAsTheReleaseDid() {
        return "INSERT INTO public.dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, "
                + "sequence_index, message_type, event_identifier, time_stamp, payload_type, payload_revision, "
                + "payload, meta_data, type, aggregate_identifier, sequence_number, token_type, token, enqueued_at, "
                + "last_touched, processing_started, cause_type, cause_message, diagnostics) "
                + "SELECT 'parked-1', 'ledger', e.aggregate_identifier, 0, "
                + "'org.axonframework.eventhandling.GenericTrackedDomainEventMessage', e.event_identifier, "
                + "e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, e.type, "
                + "e.aggregate_identifier, e.sequence_number, t.token_type, t.token, "
                + "TIMESTAMPTZ '2026-12-01 19:50:01.234+00', TIMESTAMPTZ '2026-12-01 19:50:01.234+00', NULL, "
                + "'java.lang.IllegalStateException', 'could not project " + ERASED + "/2026-08', "
                + "convert_to('{}', 'UTF8') FROM public.domain_event_entry e, public.token_entry t "
                + "WHERE e.event_identifier = '" + PARKED_EVENT + "' AND t.processor_name = 'ledger' "
                + "AND t.segment = 0";
    }

    static String withoutClientCommands(String script) {
        return script.lines().filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(
                LegacySubscriberErasureTest.class.getResourceAsStream(RELEASE + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
