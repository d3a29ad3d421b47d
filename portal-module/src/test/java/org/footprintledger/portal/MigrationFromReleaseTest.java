package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database made by the release before the ledger moved to the line-month grain (commit 18a3396: demo data with
 * four closed months, a correction, and an open month whose usage the old feeder had sent to the ledger as accrual
 * events) is migrated by this build: every statement, the as-of view and the chains read as the release served them.
 * The expected answers were taken from the release itself, over HTTP, when the dump was made.
 */
class MigrationFromReleaseTest {

    private static final String RELEASE = "/release-18a3396/";
    /** The ledger processor's token in the dump: every one of its 249 events was projected. */
    private static final long RELEASE_TOKEN_INDEX = 249;
    private static final String PARKED_EVENT = "8cebd5b7-77aa-4f77-b7be-ecb7bca53cd7";
    /**
     * A dead letter as the release's JPA queue wrote it: one of the dump's accrual events (its payload, meta data and
     * the processor's token, all in the release's default-typed JSON; empty diagnostics), times as timestamps.
     */
    private static final String PARK_AN_EVENT_AS_THE_RELEASE_DID = "INSERT INTO public.dead_letter_entry (dead_letter_id, "
            + "processing_group, sequence_identifier, sequence_index, message_type, event_identifier, time_stamp, "
            + "payload_type, payload_revision, payload, meta_data, type, aggregate_identifier, sequence_number, "
            + "token_type, token, enqueued_at, last_touched, processing_started, cause_type, cause_message, diagnostics) "
            + "SELECT 'parked-1', 'ledger', e.aggregate_identifier, 0, "
            + "'org.axonframework.eventhandling.GenericTrackedDomainEventMessage', e.event_identifier, e.time_stamp, "
            + "e.payload_type, e.payload_revision, e.payload, e.meta_data, e.type, e.aggregate_identifier, "
            + "e.sequence_number, t.token_type, t.token, TIMESTAMPTZ '2026-12-01 19:50:01.234+00', "
            + "TIMESTAMPTZ '2026-12-01 19:50:01.234+00', NULL, 'java.lang.IllegalStateException', 'parked by a test', "
            + "convert_to('{}', 'UTF8') "
            + "FROM public.domain_event_entry e, public.token_entry t WHERE e.event_identifier = '" + PARKED_EVENT + "' "
            + "AND t.processor_name = 'ledger' AND t.segment = 0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext app;
    private static ApiClient auditor;

    @BeforeAll
    static void migrateTheReleaseDatabase() throws Exception {
        Path directory = Files.createTempDirectory("footprint-release-db");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory)
                .setCleanDataDirectory(false).start();
             Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(withoutClientCommands(resource("database.sql.gz")));
            statement.execute(PARK_AN_EVENT_AS_THE_RELEASE_DID);
        }
        app = new SpringApplicationBuilder(FootprintLedgerApplication.class).run("--server.port=0",
                "--footprint.embedded-db.directory=" + directory, "--footprint.embedded-db.durable=false",
                "--footprint.demo-data.enabled=false", "--footprint.month-close.scheduled=false",
                // the background re-keying would move the release's streams from under the ids it checks
                "--footprint.rekeying.legacy.enabled=false");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        auditor = new ApiClient(port, "auditor", "auditor");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_statement_reads_as_the_release_served_it() throws IOException {
        for (String subscriber : new String[] {"S0000000", "S0000001", "S0000005"}) {
            JsonNode served = auditor.get("/api/v1/subscribers/" + subscriber + "/statements?from=2026-08&to=2026-12")
                    .json();
            assertSameStatements(served, expected(subscriber + ".statements.json"), subscriber);
        }
    }

    @Test
    void the_as_of_view_reads_as_the_release_served_it() throws IOException {
        JsonNode served = auditor.get("/api/v1/subscribers/S0000000/statements?from=2026-08&to=2026-12"
                + "&asOf=2026-12-01T19:44:30Z").json();
        assertSameStatements(served, expected("S0000000-asof.statements.json"), "S0000000 as of");
    }

    @Test
    void every_chain_written_by_the_release_verifies() {
        JsonNode report = auditor.get("/api/v1/audit/integrity").json();
        assertThat(report.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(248);
        assertThat(report.get("brokenLinks")).isEmpty();
    }

    @Test
    void the_open_month_is_counted_from_the_records_already_stored_and_not_twice() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT bytes FROM usage_line_month WHERE line_id = 'S0000000-M1' "
                + "AND month = '2026-12'", Long.class)).isEqualTo(2_000_000_000L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM usage_ledger_fact WHERE month = '2026-12'", Long.class))
                .as("no fact of an open month waits for the ledger: the close states the month")
                .isZero();
    }

    @Test
    void the_ledger_processor_carries_on_from_the_release_token_and_projects_nothing_twice() {
        StreamingEventProcessor ledger = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor("ledger", StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.processingStatus().values().stream()
                .anyMatch(status -> status.isCaughtUp()));
        long position = ledger.processingStatus().values().stream().mapToLong(status ->
                status.getCurrentPosition().orElseThrow()).max().orElseThrow();
        assertThat(position).as("the token read back at the release's position").isEqualTo(RELEASE_TOKEN_INDEX);
        double ingested = app.getBean(MeterRegistry.class).find("eventProcessor.ingestedCounter")
                .tag("processorName", "ledger").counters().stream().mapToDouble(Counter::count).sum();
        assertThat(ingested).as("events the ledger projection handled again after the upgrade").isZero();
        String token = app.getBean(JdbcTemplate.class).queryForObject("SELECT convert_from(token, 'UTF8') FROM "
                + "token_entry WHERE processor_name = 'ledger' AND segment = 0", String.class);
        assertThat(token).as("stored without default typing").doesNotContain("java.util");
    }

    @Test
    void a_dead_letter_parked_by_the_release_is_read_by_the_jdbc_queue() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = app.getBean(EventProcessingConfiguration.class)
                .deadLetterQueue("ledger").orElseThrow();
        List<DeadLetter<? extends EventMessage<?>>> parked = new ArrayList<>();
        queue.deadLetters().forEach(sequence -> sequence.forEach(parked::add));

        assertThat(parked).hasSize(1);
        DeadLetter<? extends EventMessage<?>> letter = parked.get(0);
        assertThat(letter.message().getIdentifier()).isEqualTo(PARKED_EVENT);
        assertThat(letter.message().getPayload()).isInstanceOfSatisfying(LineUsageAccruedEvent.class, event -> {
            assertThat(event.lineId()).isEqualTo("S0000000-F1");
            assertThat(event.hashMatchesContent()).isTrue();
        });
        assertThat(letter.enqueuedAt()).isEqualTo(Instant.parse("2026-12-01T19:50:01.234Z"));
        assertThat(letter.cause()).get().extracting(cause -> cause.message()).isEqualTo("parked by a test");
    }

    /** The contract's fields of each month and line; fields added since may come beside them. */
    static void assertSameStatements(JsonNode served, JsonNode expected, String what) {
        assertThat(served.size()).as(what + ": months").isEqualTo(expected.size());
        for (int m = 0; m < expected.size(); m++) {
            JsonNode month = expected.get(m);
            JsonNode servedMonth = served.get(m);
            for (String field : new String[] {"subscriberId", "month", "status"}) {
                assertThat(servedMonth.get(field)).as(what + " " + month.get("month") + " " + field)
                        .isEqualTo(month.get(field));
            }
            assertThat(servedMonth.get("lines").size()).isEqualTo(month.get("lines").size());
            for (int l = 0; l < month.get("lines").size(); l++) {
                JsonNode line = month.get("lines").get(l);
                for (String field : new String[] {"lineId", "lineType", "label", "technology", "dataGo", "estimated",
                        "co2eGrams", "exact", "factorSetId", "corrections"}) {
                    assertThat(servedMonth.get("lines").get(l).get(field))
                            .as(what + " " + month.get("month") + " " + line.get("lineId") + " " + field)
                            .isEqualTo(line.get(field));
                }
            }
        }
    }

    static JsonNode expected(String name) throws IOException {
        try (InputStream in = MigrationFromReleaseTest.class.getResourceAsStream(RELEASE + name)) {
            return JSON.readTree(in);
        }
    }

    /** pg_dump's script as the server reads it: psql's own commands (lines starting with a backslash) left out. */
    private static String withoutClientCommands(String script) {
        return script.lines().filter(line -> !line.startsWith("\\")).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(MigrationFromReleaseTest.class.getResourceAsStream(RELEASE + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
