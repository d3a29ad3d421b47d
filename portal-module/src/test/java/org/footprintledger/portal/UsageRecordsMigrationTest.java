package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.footprintledger.usage.api.IntakeReport;
import org.footprintledger.usage.api.UsageIntake;
import org.footprintledger.usage.api.UsageRecordSubmission;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database made by the release before partitioning (schema up to the 2026-11-29 migrations, records in the single
 * usage_record table) migrates: every record moves into its month's partition unchanged, and the application then
 * deduplicates against the moved records, within a month and across months.
 */
class UsageRecordsMigrationTest {

    /** The last migration of the release before partitioning (content seed). */
    private static final String PREVIOUS_RELEASE = "2026.11.29.41";

    @Test
    void records_of_the_previous_release_move_into_monthly_partitions_and_still_deduplicate() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway previous = flyway(url).target(PREVIOUS_RELEASE).load();
            previous.migrate();
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            assertThat(jdbc.queryForObject("SELECT relkind FROM pg_class WHERE relname = 'usage_record'",
                    String.class)).as("the previous release's plain table").isEqualTo("r");
            jdbc.update("INSERT INTO usage_line (line_id, subscriber_id, line_type) VALUES ('m-1', 'm', 'MOBILE')");
            insertOld(jdbc, "m-r1", "2025-10-31", 1_000, null, "m-r1b");
            insertOld(jdbc, "m-r1b", "2025-10-31", 900, "m-r1", null);
            insertOld(jdbc, "m-r2", "2025-11-01", 2_000, null, null);
            insertOld(jdbc, "m-r3", "2025-11-30", 3_000, null, null);
            List<Map<String, Object>> before = records(jdbc);

            flyway(url).load().migrate();

            assertThat(jdbc.queryForObject("SELECT relkind FROM pg_class WHERE relname = 'usage_record'",
                    String.class)).as("partitioned").isEqualTo("p");
            assertThat(jdbc.queryForObject("SELECT to_regclass('usage_record_unpartitioned') IS NULL", Boolean.class))
                    .isTrue();
            assertThat(jdbc.queryForList("SELECT tableoid::regclass::text AS partition, count(*) AS n FROM usage_record "
                    + "GROUP BY 1 ORDER BY 1")).containsExactly(
                    Map.of("partition", "usage_record_p2025_10", "n", 2L),
                    Map.of("partition", "usage_record_p2025_11", "n", 2L));
            assertThat(records(jdbc)).as("every column unchanged").isEqualTo(before);
            assertThat(jdbc.queryForList("SELECT record_id, usage_month::text FROM usage_record ORDER BY record_id"))
                    .extracting(row -> row.get("usage_month"))
                    .containsExactly("2025-10-01", "2025-10-01", "2025-11-01", "2025-11-01");
            assertThatThrownBy(() -> jdbc.update("INSERT INTO usage_record (record_id, subscriber_id, line_id, "
                    + "line_type, usage_date, bytes_down, bytes_up, estimated, batch_id, usage_month) "
                    + "VALUES ('m-r2', 'm', 'm-1', 'MOBILE', '2025-11-15', 5, 0, false, 'b', '2025-11-01')"))
                    .as("the key holds within a month, whatever the day")
                    .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("usage_record_p2025_11_pkey");
            dataSource.destroy();

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FootprintLedgerApplication.class)
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                            "--server.port=0", "--footprint.demo-data.enabled=false", "--footprint.security.mode=demo",
                            "--footprint.month-close.scheduled=false", "--footprint.retention.cron=-",
                            "--footprint.integrity.cron=-")) {
                UsageIntake intake = app.getBean(UsageIntake.class);
                IntakeReport report = intake.submit(List.of(
                        submission("m-r2", "2025-11-01", "2000"),    // as stored: a duplicate
                        submission("m-r3", "2025-12-01", "3000"),    // stored in November: a conflict
                        submission("m-r4", "2025-12-01", "4000")));  // new, in a month with no partition yet
                assertThat(report.accepted()).isEqualTo(1);
                assertThat(report.duplicates()).isEqualTo(1);
                assertThat(report.rejected()).singleElement().satisfies(rejection -> {
                    assertThat(rejection.recordId()).isEqualTo("m-r3");
                    assertThat(rejection.field()).isEqualTo("record_id");
                });
                assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                        "SELECT tableoid::regclass::text FROM usage_record WHERE record_id = 'm-r4'", String.class))
                        .isEqualTo("usage_record_p2025_12");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").outOfOrder(true);
    }

    private static void insertOld(JdbcTemplate jdbc, String id, String date, long bytes, String replaces,
                                  String supersededBy) {
        jdbc.update("INSERT INTO usage_record (record_id, subscriber_id, line_id, line_type, technology, usage_date, "
                + "bytes_down, bytes_up, estimated, replaces, superseded_by, batch_id) "
                + "VALUES (?, 'm', 'm-1', 'MOBILE', '4G', ?::date, ?, 0, false, ?, ?, 'b-old')", id, date, bytes,
                replaces, supersededBy);
    }

    private static List<Map<String, Object>> records(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT record_id, subscriber_id, line_id, line_type, technology, usage_date, "
                + "bytes_down, bytes_up, estimated, replaces, superseded_by, batch_id, received_at FROM usage_record "
                + "ORDER BY record_id");
    }

    private static UsageRecordSubmission submission(String id, String date, String bytes) {
        return new UsageRecordSubmission(id, "m", "m-1", "MOBILE", "4G", date, bytes, "0", "false", "");
    }
}
