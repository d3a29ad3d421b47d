package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footprintledger.content.api.CommentRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Personal data as the GDPR and the CPCE ask (ADR 0013): the ledger names a subscriber and each of its lines by a
 * random key, never by its id nor the line's (which may embed the subscriber id, as the demo generator's do); an erasure leaves nothing any endpoint returns for the id, while every total, survey result and chain stays as
 * it was; every export and erasure is in the auditors' log, which never names the id.
 */
class PersonalDataTest extends LedgerIntegrationTest {

    private static final String MONTH = "2024-09";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommentRetention commentRetention;

    /** The subscriber's line, named as the demo generator names lines: its id embeds the subscriber id. */
    private String mobile;
    private final String neighbour = "P" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * Usage of the subscriber and a neighbour in the month, the month closed, then late usage of the subscriber (an
     * accrual and a correction in its stream); it returns once the ledger shows all of it (the month may have been
     * closed by this class's other test already, so that all of it arrives as late usage).
     */
    private void fedAndClosed() {
        mobile = subscriber + "-M1";
        String neighbourLine = neighbour + "-M1";
        send(UsageFeed.batch()
                .mobile("rec-" + UUID.randomUUID(), subscriber, mobile, MONTH + "-03", 3_000_000_000L, 0, false)
                .mobile("rec-" + UUID.randomUUID(), neighbour, neighbourLine, MONTH + "-04", 1_000_000_000L, 0, false));
        close(MONTH);
        statementOnceItShows(MONTH, s -> "CLOSED".equals(s.get("status").asString()) && hasLine(s, mobile));
        send(UsageFeed.batch().mobile("rec-" + UUID.randomUUID(), subscriber, mobile, MONTH + "-05", 1_000_000_000L,
                0, false));
        statementOnceItShows(MONTH, s -> hasLine(s, mobile) && line(s, mobile).get("exact").get("bytes").asLong()
                == 4_000_000_000L && !line(s, mobile).get("corrections").isEmpty());
        String ownSubscriber = subscriber;
        subscriber = neighbour;
        statementOnceItShows(MONTH, s -> "CLOSED".equals(s.get("status").asString()) && hasLine(s, neighbourLine));
        subscriber = ownSubscriber;
    }

    @Test
    void the_ledger_names_a_subscriber_by_its_random_key_never_by_its_id() {
        fedAndClosed();

        String key = subscriberKeys.keyOf(subscriber).orElseThrow();
        assertThat(key).matches("~[0-9a-f]{32}");
        List<Map<String, Object>> events = jdbc.queryForList("SELECT aggregate_identifier, payload "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?", key + "/" + MONTH);
        assertThat(events).as("the month's stream, under the key").hasSizeGreaterThanOrEqualTo(2);
        Long naming = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ? "
                + "OR position(convert_to(?, 'UTF8') IN payload) > 0", Long.class, "%" + subscriber + "%",
                subscriber);
        assertThat(naming).as("events whose stream id or payload bytes hold the id").isZero();
        for (Map<String, Object> event : events) {
            assertThat(new String((byte[]) event.get("payload"), StandardCharsets.UTF_8)).contains(key)
                    .doesNotContain(subscriber);
        }
        for (String table : List.of("ledger_statement_line", "ledger_statement_correction", "ledger_month_index")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE subscriber_id = ?", Long.class,
                    subscriber)).as(table + " rows under the id").isZero();
        }
        // the line too is named by a random key, never by its id (which embeds the subscriber id)
        String lineKey = jdbc.queryForObject("SELECT line_key FROM line_pseudonym WHERE line_id = ?", String.class,
                mobile);
        assertThat(lineKey).matches("~[0-9a-f]{32}").isNotEqualTo(key);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ? "
                + "OR position(convert_to(?, 'UTF8') IN payload) > 0", Long.class, "%" + mobile + "%", mobile))
                .as("events whose stream id or payload bytes hold the line id").isZero();
        assertThat(events).anySatisfy(event -> assertThat(new String((byte[]) event.get("payload"),
                StandardCharsets.UTF_8)).contains(lineKey));
        for (String table : List.of("ledger_statement_line", "ledger_statement_correction")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE line_id = ? AND subscriber_id = ?",
                    Long.class, lineKey, key)).as(table + " rows under the line key").isPositive();
        }
        assertThat(ledgerTablesHolding(subscriber)).as("ledger tables holding the id: the mappings only")
                .containsExactlyInAnyOrder("line_pseudonym.line_id (1 row(s))",
                        "subscriber_pseudonym.subscriber_id (1 row(s))");
        // and what the customer is shown is under its own ids: the subscriber's, its line's
        JsonNode statement = auditor.get(statementPath(MONTH)).json();
        assertThat(statement.get("subscriberId").asString()).isEqualTo(subscriber);
        assertThat(statement.toString()).doesNotContain(lineKey);
        assertThat(line(statement, mobile).get("exact").get("bytes").asLong()).isEqualTo(4_000_000_000L);
        JsonNode explanation = auditor.get("/api/v1/subscribers/" + subscriber + "/statements/" + MONTH
                + "/explanation").json();
        assertThat(explanation.toString()).contains(mobile).doesNotContain(lineKey);
        JsonNode asOf = auditor.get("/api/v1/subscribers/" + subscriber + "/statements/" + MONTH + "?asOf="
                + java.time.Instant.now()).json();
        assertThat(asOf.toString()).contains(mobile).doesNotContain(lineKey);
    }

    private List<String> ledgerTablesHolding(String value) {
        return FootprintColumns.holding(jdbc, value);
    }

    @Test
    void an_erasure_leaves_nothing_for_the_id_and_every_total_survey_result_and_chain_as_it_was() {
        fedAndClosed();
        ApiClient.Response devices = feed.putJson("/api/v1/subscribers/" + subscriber + "/devices",
                Map.of("devices", List.of(Map.of("deviceId", "phone-1", "modelId", "smartphone",
                        "acquiredOn", "2024-03-15"))));
        assertThat(devices.status()).as(devices.body()).isEqualTo(200);
        ApiClient customer = as(subscriber, "demo");
        Map<String, Object> rating = new HashMap<>();
        rating.put("target", "PAGE");
        rating.put("useful", true);
        rating.put("comment", "mon commentaire " + subscriber);
        assertThat(customer.postJson("/api/v1/feedback/subscribers/" + subscriber + "/ratings", rating).status())
                .isEqualTo(201);
        JsonNode offer = customer.get("/api/v1/feedback/subscribers/" + subscriber + "/survey").json();
        int questions = offer.get("survey").get("questions").size();
        assertThat(customer.postJson("/api/v1/feedback/subscribers/" + subscriber + "/survey",
                Map.of("surveyVersion", offer.get("survey").get("version").asInt(),
                        "ratings", List.of(4, 5, 3).subList(0, questions))).status()).isEqualTo(201);
        assertThat(auditor.get("/api/v1/subscribers/" + subscriber + "/export").status()).isEqualTo(200);
        assertThat(customer.get("/api/v1/subscribers/" + subscriber + "/export").status()).as("its own export")
                .isEqualTo(200);
        // an export the release before logged under the subscriber's login, which is its id
        jdbc.update("INSERT INTO personal_data_log (recorded_at, kind, subject_key, requested_by, reason, counts) "
                + "SELECT now(), 'EXPORT', pseudonym, subscriber_id, 'export as json', '{}' FROM subscriber_pseudonym "
                + "WHERE subscriber_id = ?", subscriber);
        Map<String, Object> totalsBefore = totals();
        JsonNode integrityBefore = auditor.get("/api/v1/audit/integrity").json();
        assertThat(integrityBefore.get("intact").asBoolean()).isTrue();

        assertThat(auditor.postJson(erasure(), Map.of("reason", "x")).status()).as("auditor").isEqualTo(403);
        ApiClient.Response noReason = ops.postJson(erasure(), "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asString()).contains("reason is required");
        ApiClient.Response erased = ops.postJson(erasure(), Map.of("reason", "demande de l'abonné (art. 17)"));
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        JsonNode counts = erased.json().get("erased");
        assertThat(counts.get("subscriber_key").asLong()).isEqualTo(1);
        assertThat(counts.get("usage_records").asLong()).isEqualTo(2);
        assertThat(counts.get("devices").asLong()).isEqualTo(1);
        assertThat(counts.get("comments").asLong()).isEqualTo(1);
        assertThat(counts.get("survey_answers_anonymised").asLong()).isEqualTo(1);

        // every endpoint that took the id answers what it answers for a subscriber never known
        String unknown = "U" + UUID.randomUUID().toString().substring(0, 8);
        for (String path : List.of("/statements/" + MONTH, "/statements?from=2024-01&to=2024-12",
                "/statements/" + MONTH + "/explanation", "/devices")) {
            ApiClient.Response forErased = auditor.get("/api/v1/subscribers/" + subscriber + path);
            ApiClient.Response forUnknown = auditor.get("/api/v1/subscribers/" + unknown + path);
            assertThat(forErased.status()).as(path).isEqualTo(forUnknown.status()).isLessThan(500);
            assertThat(forErased.body().replace(subscriber, unknown)).as(path).isEqualTo(forUnknown.body());
        }
        JsonNode export = auditor.get("/api/v1/subscribers/" + subscriber + "/export").json();
        assertThat(export.get("statements")).isEmpty();
        assertThat(export.get("explanations")).isEmpty();
        assertThat(ops.postJson(erasure(), Map.of("reason", "again")).status()).as("a second erasure").isEqualTo(404);

        assertThat(totals()).isEqualTo(totalsBefore);
        JsonNode integrityAfter = auditor.get("/api/v1/audit/integrity").json();
        assertThat(integrityAfter.get("intact").asBoolean()).isTrue();
        assertThat(integrityAfter.get("eventsChecked").asLong())
                .isGreaterThanOrEqualTo(integrityBefore.get("eventsChecked").asLong());
        for (String table : List.of("subscriber_pseudonym", "usage_record", "usage_line", "usage_line_month",
                "subscriber_device", "feedback_rating", "survey_answer", "survey_answer_rating")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE subscriber_id = ?", Long.class,
                    subscriber)).as(table + " rows under the id").isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM feedback_rating WHERE comment LIKE ?", Long.class,
                "%" + subscriber + "%")).as("the comment").isZero();
        assertThat(counts.get("line_keys").asLong()).as("the line's key forgotten").isEqualTo(1);
        // no ledger table, event or stream id holds the id or its line's id (the line id embeds the subscriber id)
        assertThat(ledgerTablesHolding(subscriber)).as("ledger tables holding the id").isEmpty();
        assertThat(ledgerTablesHolding(mobile)).as("ledger tables holding the line id").isEmpty();
        for (String table : List.of("usage_line", "usage_line_month", "usage_ledger_fact")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE line_id = ?", Long.class, mobile))
                    .as(table + " rows under the line id").isZero();
        }

        JsonNode log = auditor.get("/api/v1/audit/personal-data-log?limit=1000").json();
        assertThat(log.toString()).doesNotContain(subscriber);
        boolean exportLogged = false;
        boolean ownExportLogged = false;
        boolean erasureLogged = false;
        for (JsonNode entry : log) {
            exportLogged |= entry.get("kind").asString().equals("EXPORT")
                    && entry.get("requestedBy").asString().equals("auditor");
            ownExportLogged |= entry.get("kind").asString().equals("EXPORT")
                    && entry.get("requestedBy").asString().equals("(the subject)");
            erasureLogged |= entry.get("kind").asString().equals("ERASURE")
                    && entry.get("reason").asString().equals("demande de l'abonné (art. 17)")
                    && entry.get("requestedBy").asString().equals("ops")
                    && entry.get("counts").get("usage_records").asLong() == 2;
        }
        assertThat(exportLogged).as("the export in the log").isTrue();
        assertThat(ownExportLogged).as("its own export in the log, not under its login").isTrue();
        assertThat(erasureLogged).as("the erasure in the log").isTrue();
        assertThat(ops.get("/api/v1/audit/personal-data-log").status()).isEqualTo(403);
    }

    @Test
    void a_comment_is_deleted_once_older_than_its_retention_period_and_its_rating_stays() {
        String old = "Old comment " + UUID.randomUUID();
        String recent = "Recent comment " + UUID.randomUUID();
        jdbc.update("INSERT INTO feedback_rating (subscriber_id, target, month, useful, comment, created_at) "
                + "VALUES (?, 'PAGE', '2024-01', true, ?, now() - interval '25 months'), "
                + "(?, 'PAGE', '2024-01', false, ?, now() - interval '23 months')", subscriber, old, subscriber, recent);

        assertThat(commentRetention.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList("SELECT comment FROM feedback_rating WHERE subscriber_id = ? ORDER BY useful",
                String.class, subscriber)).as("the ratings stay, the old comment goes").containsExactly(recent, null);
    }

    /** The month's figures over every subscriber, and the survey's and ratings' tallies. */
    private Map<String, Object> totals() {
        Map<String, Object> totals = new HashMap<>();
        totals.putAll(jdbc.queryForMap("SELECT count(*) AS lines, sum(co2e_grams) AS grams, sum(shown_bytes) AS bytes "
                + "FROM ledger_statement_line WHERE month = ?", MONTH));
        totals.putAll(jdbc.queryForMap("SELECT count(*) AS line_months, sum(bytes) AS counted_bytes "
                + "FROM usage_line_month WHERE month = ?", MONTH));
        totals.putAll(jdbc.queryForMap("SELECT count(*) AS answers, (SELECT sum(rating) FROM survey_answer_rating) "
                + "AS survey_ratings FROM survey_answer"));
        totals.putAll(jdbc.queryForMap("SELECT count(*) FILTER (WHERE useful) AS useful, count(*) AS votes "
                + "FROM feedback_rating"));
        return totals;
    }

    private String erasure() {
        return "/api/v1/ops/subscribers/" + subscriber + "/erasure";
    }
}
