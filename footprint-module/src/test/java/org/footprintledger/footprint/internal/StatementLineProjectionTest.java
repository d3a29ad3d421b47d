package org.footprintledger.footprint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footprintledger.footprint.domain.LedgerStory.CLOSED_AT;
import static org.footprintledger.footprint.domain.LedgerStory.OCTOBER;
import static org.footprintledger.footprint.domain.LedgerStory.SUBSCRIBER;
import static org.footprintledger.footprint.domain.LedgerStory.figures;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.flywaydb.core.Flyway;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.LedgerChain;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.footprintledger.footprint.domain.LedgerStory;
import org.footprintledger.footprint.domain.StatementFold;
import org.footprintledger.footprint.domain.StatementFold.LineState;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statement read model as a plain class on a real PostgreSQL (footprint's migrations), fed the ledger's events
 * in processor batches (Axon's batching unit of work, as a tracking processor runs them): the rows it writes are what
 * the ledger's fold says of each line, and handling the same events again writes the same rows.
 */
class StatementLineProjectionTest {

    private static final FactorSet ADEME = FactorRegistry.ADEME_2022;
    private static final Instant LATER = Instant.parse("2026-11-20T10:00:00Z");
    private static final String LATE_USAGE = "consommation reçue après la clôture du mois";

    /** 12 999 999 999 octets on 4G: 12.999999999 Go x 49.4 g/Go = 642.1999999506 g, shown 13 Go and 642 g. */
    private static final StatementFigures MOBILE_642 = figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G,
            12_999_999_999L, 30, 0, "12.999999999", "642.1999999506", 13, 642);
    /** After a late gigabyte: 14 Go x 49.4 = 691.6 g, shown 692 g. */
    private static final StatementFigures MOBILE_692 = figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G,
            14_000_000_000L, 31, 0, "14", "691.6", 14, 692);
    /** A fixed line the usage store counted, never accrued: a flat 4 100 g, whatever its 250 Go. */
    private static final StatementFigures FIXED_4100 = figures("box-1", LineType.FIXED, Technology.FTTH,
            250_000_000_000L, 31, 0, "250", "4100", 250, 4100);

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    private StatementLineProjection projection;
    private EventMessage<?> usage;
    private EventMessage<?> close;
    private EventMessage<?> lateUsage;
    private EventMessage<?> correction;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource database = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").outOfOrder(true).load()
                .migrate();
        jdbc = new JdbcTemplate(database);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    /** The month of sub-1: usage on 4G, the close (also stating a fixed line), a late gigabyte and its correction. */
    @BeforeEach
    void story() {
        jdbc.update("DELETE FROM ledger_statement_correction");
        jdbc.update("DELETE FROM ledger_statement_line");
        projection = new StatementLineProjection(jdbc);
        LedgerStory story = new LedgerStory();
        usage = message("event-1", Instant.parse("2026-10-12T08:00:00Z"), story.accrued("mob-1", LineType.MOBILE,
                Technology.MOBILE_4G, 12_999_999_999L, 30, 0, 12_999_999_999L, 30, 0));
        close = message("event-2", CLOSED_AT, story.issued(ADEME, MOBILE_642, FIXED_4100));
        lateUsage = message("event-3", LATER, story.accrued("mob-1", LineType.MOBILE, null, 1_000_000_001L, 1, 0,
                14_000_000_000L, 31, 0));
        correction = message("event-4", LATER, story.corrected(LATER, LATE_USAGE, ADEME, MOBILE_642, MOBILE_692));
    }

    @Test
    void usage_of_an_open_month_is_kept_with_the_ledgers_totals_and_no_figures() {
        project(usage);

        assertThat(line("mob-1")).isEqualTo(new Row("MOBILE", "4G", 12_999_999_999L, 30, 0, "event-1",
                Instant.parse("2026-10-12T08:00:00Z"), "OPEN", null, null, null, null, null, null, null, null));
        assertThat(corrections()).isEmpty();
    }

    @Test
    void the_close_shows_the_issued_figures_with_their_set_and_states_a_line_the_ledger_never_accrued() {
        project(usage);
        project(close);

        assertThat(line("mob-1")).isEqualTo(new Row("MOBILE", "4G", 12_999_999_999L, 30, 0, "event-2", CLOSED_AT,
                "CLOSED", ADEME.id(), 30L, 0L, 12_999_999_999L, "12.999999999", "642.1999999506", 13L, 642L));
        assertThat(line("box-1")).isEqualTo(new Row("FIXED", "FTTH", 250_000_000_000L, 31, 0, "event-2", CLOSED_AT,
                "CLOSED", ADEME.id(), 31L, 0L, 250_000_000_000L, "250", "4100", 250L, 4100L));
    }

    @Test
    void late_usage_adds_to_the_totals_but_the_figures_shown_change_only_with_its_correction() {
        project(usage, close);
        project(lateUsage);

        Row afterLateUsage = line("mob-1");
        assertThat(afterLateUsage.bytes()).isEqualTo(14_000_000_000L);
        assertThat(afterLateUsage.records()).isEqualTo(31);
        assertThat(afterLateUsage.technology()).as("the late fact named no technology").isEqualTo("4G");
        assertThat(afterLateUsage.status()).isEqualTo("CLOSED");
        assertThat(afterLateUsage.co2eGrams()).isEqualTo(642L);

        project(correction);

        assertThat(line("mob-1")).isEqualTo(new Row("MOBILE", "4G", 14_000_000_000L, 31, 0, "event-4", LATER,
                "CLOSED", ADEME.id(), 31L, 0L, 14_000_000_000L, "14", "691.6", 14L, 692L));
        assertThat(corrections()).containsExactly(new CorrectionRow("event-4", SUBSCRIBER, OCTOBER.toString(),
                "mob-1", LATER, 642, 692, "642.1999999506", "691.6", ADEME.id(), LATE_USAGE));
        assertThat(line("box-1").co2eGrams()).as("a correction of one line leaves the others").isEqualTo(4100L);
    }

    @Test
    void events_handled_again_write_the_same_rows_and_keep_each_correction_once() {
        project(usage);
        project(close);
        project(lateUsage);
        project(correction);
        List<Row> rows = lines();
        List<CorrectionRow> corrections = corrections();

        project(usage, close, lateUsage, correction);
        assertThat(lines()).isEqualTo(rows);
        assertThat(corrections()).isEqualTo(corrections).hasSize(1);

        project(correction);
        assertThat(lines()).isEqualTo(rows);
        assertThat(corrections()).isEqualTo(corrections);
    }

    @Test
    void a_batch_writes_what_the_ledgers_fold_says_of_each_line() {
        List<EventMessage<?>> month = List.of(usage, close, lateUsage, correction);
        StatementFold fold = new StatementFold();
        month.forEach(m -> fold.apply(m.getPayload(), m.getIdentifier(), m.getTimestamp()));

        project(month.toArray(EventMessage<?>[]::new));

        assertThat(fold.lines()).hasSize(2).allSatisfy(state -> {
            Row row = line(state.lineId());
            StatementFigures shown = state.shown();
            assertThat(row.lastEventId()).isEqualTo(state.lastEventId());
            assertThat(row.updatedAt()).isEqualTo(state.lastChangedAt());
            assertThat(row.technology()).isEqualTo(state.technology().code());
            assertThat(row.factorSetId()).isEqualTo(state.factorSetId());
            assertThat(List.of(row.shownBytes(), row.shownRecords(), row.dataGo(), row.co2eGrams()))
                    .containsExactly(shown.bytes(), shown.records(), shown.dataGo(), shown.co2eGrams());
            assertThat(row.exactGrams()).isEqualTo(shown.exactGrams());
            assertThat(row.bytes()).isEqualTo(totalBytesOf(state));
            assertThat(corrections().stream().filter(c -> c.lineId().equals(state.lineId()))
                    .map(CorrectionRow::eventId)).containsExactlyElementsOf(state.corrections().stream()
                            .map(StatementFold.AppliedCorrection::eventId).toList());
        });
    }

    @Test
    void each_ledger_of_a_batch_is_folded_on_its_own() {
        LineUsageAccruedEvent otherSubscriber = new LineUsageAccruedEvent("sub-2/2026-10", "sub-2", OCTOBER,
                "mob-1", LineType.MOBILE, Technology.MOBILE_5G, 700, 2, 1, 700, 2, 1, "batch-1", LedgerChain.GENESIS,
                null).linked();

        project(usage, message("event-9", LATER, otherSubscriber), close);

        assertThat(line("mob-1").co2eGrams()).isEqualTo(642L);
        assertThat(jdbc.queryForObject("SELECT technology || ' ' || bytes || ' ' || status FROM ledger_statement_line "
                + "WHERE subscriber_id = 'sub-2'", String.class)).isEqualTo("5G 700 OPEN");
    }

    @Test
    void a_replay_from_the_start_begins_on_an_empty_read_model() {
        project(usage, close, lateUsage, correction);

        projection.reset();

        assertThat(lines()).isEmpty();
        assertThat(corrections()).isEmpty();
    }

    private static long totalBytesOf(LineState state) {
        return state.lastAccrual() != null ? state.lastAccrual().bytesTotal() : state.shown().bytes();
    }

    /** One processor batch: the events handled in one unit of work, the rows written as it commits. */
    private void project(EventMessage<?>... batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(batch));
        unitOfWork.executeWithResult(() -> {
            handle(unitOfWork.getMessage());
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        unitOfWork.getExecutionResults().values().forEach(result -> {
            if (result.isExceptionResult()) {
                throw new AssertionError("the batch failed", result.getExceptionResult());
            }
        });
    }

    private void handle(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof LineUsageAccruedEvent accrued) {
            projection.on(accrued, message);
        } else if (payload instanceof StatementIssuedEvent issued) {
            projection.on(issued, message);
        } else if (payload instanceof StatementCorrectedEvent corrected) {
            projection.on(corrected, message);
        }
    }

    private static EventMessage<?> message(String id, Instant at, Object event) {
        return new GenericEventMessage<>(id, event, MetaData.emptyInstance(), at);
    }

    /** A row of {@code ledger_statement_line}: totals, latest event, then the figures shown. */
    private record Row(String lineType, String technology, long bytes, long records, long estimatedRecords,
                       String lastEventId, Instant updatedAt, String status, String factorSetId, Long shownRecords,
                       Long shownEstimatedRecords, Long shownBytes, String exactGo, String exactGrams, Long dataGo,
                       Long co2eGrams) {
    }

    private record CorrectionRow(String eventId, String subscriberId, String month, String lineId, Instant correctedAt,
                                 long fromGrams, long toGrams, String fromExact, String toExact, String factorSetId,
                                 String reason) {
    }

    private static Row line(String lineId) {
        return jdbc.query(LINE_QUERY + " WHERE subscriber_id = ? AND month = ? AND line_id = ?",
                StatementLineProjectionTest::row, SUBSCRIBER, OCTOBER.toString(), lineId).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no row for line " + lineId));
    }

    private static List<Row> lines() {
        return jdbc.query(LINE_QUERY + " ORDER BY subscriber_id, month, line_id", StatementLineProjectionTest::row);
    }

    private static final String LINE_QUERY = "SELECT line_type, technology, bytes, records, estimated_records, "
            + "last_event_id, updated_at, status, factor_set_id, shown_records, shown_estimated_records, shown_bytes, "
            + "exact_go, exact_grams, data_go, co2e_grams FROM ledger_statement_line";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
                rs.getObject(10, Long.class), rs.getObject(11, Long.class), rs.getObject(12, Long.class),
                rs.getString(13), rs.getString(14),
                rs.getObject(15, Long.class), rs.getObject(16, Long.class));
    }

    private static List<CorrectionRow> corrections() {
        List<CorrectionRow> rows = new ArrayList<>();
        jdbc.query("SELECT event_id, subscriber_id, month, line_id, corrected_at, from_grams, to_grams, from_exact, "
                + "to_exact, factor_set_id, reason FROM ledger_statement_correction ORDER BY event_id", rs -> {
                    rows.add(new CorrectionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11)));
                });
        return rows;
    }
}
