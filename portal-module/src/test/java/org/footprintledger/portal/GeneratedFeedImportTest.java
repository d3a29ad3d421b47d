package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.SyntheticFeedGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic feed through the file import: every row is counted once in one outcome, and the usage counted per
 * line-month (what an open month's statements are served from, and what its close states in the ledger) equals the
 * sum of the accepted, non-superseded records exactly; importing the same file again changes no total. (The ledger
 * at the close: DailyFeedMonthTest; this test closes no month, which other tests of the window own.)
 */
class GeneratedFeedImportTest extends PortalIntegrationTest {

    @Autowired
    private FileImports imports;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_usage_counted_equals_the_sum_of_accepted_non_superseded_records() throws Exception {
        Path feed = Files.createTempFile("generated-feed", ".csv");
        // the generator's subscriber ids are S0000000…; a far past window keeps them apart from other tests
        SyntheticFeedGenerator.Summary summary =
                new SyntheticFeedGenerator(300, 45, LocalDate.of(2023, 2, 14), 11).writeCsv(feed);

        ImportStatus first = imports.importFile(feed, progress -> { });

        assertThat(first.status()).isEqualTo("COMPLETED");
        assertThat(first.rowsRead()).isEqualTo(summary.rows());
        assertThat(first.duplicates()).isEqualTo(summary.duplicates());
        assertThat(first.rejected()).isEqualTo(summary.invalid());
        assertThat(first.accepted()).isEqualTo(summary.rows() - summary.duplicates() - summary.invalid());
        awaitCountedUsageEqualsRecords();
        Long superseded = jdbc.queryForObject("SELECT count(*) FROM usage_record WHERE superseded_by IS NOT NULL "
                + "AND subscriber_id LIKE 'S%' AND usage_date < '2023-03-01'", Long.class);
        assertThat(superseded).isEqualTo(summary.rerated());

        ImportStatus again = imports.importFile(feed, progress -> { });
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(summary.rows() - summary.invalid());
        awaitCountedUsageEqualsRecords();
    }

    private void awaitCountedUsageEqualsRecords() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var fromRecords = jdbc.queryForList("SELECT subscriber_id, to_char(usage_date, 'YYYY-MM') AS month, line_id, "
                    + "sum(bytes_down + bytes_up) AS bytes, count(*) AS records, count(*) FILTER (WHERE estimated) "
                    + "AS estimated FROM usage_record WHERE superseded_by IS NULL AND usage_date < '2023-03-01' "
                    + "AND subscriber_id LIKE 'S%' "
                    + "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
            var fromLedger = jdbc.queryForList("SELECT subscriber_id, month, line_id, bytes, records, "
                    + "estimated_records AS estimated FROM usage_line_month WHERE month < '2023-03' "
                    + "AND subscriber_id LIKE 'S%' AND records > 0 ORDER BY 1, 2, 3");
            assertThat(fromLedger).hasSameSizeAs(fromRecords);
            for (int i = 0; i < fromRecords.size(); i++) {
                assertThat(fromLedger.get(i).get("line_id")).isEqualTo(fromRecords.get(i).get("line_id"));
                assertThat(((Number) fromLedger.get(i).get("bytes")).longValue())
                        .isEqualTo(((Number) fromRecords.get(i).get("bytes")).longValue());
                assertThat(((Number) fromLedger.get(i).get("records")).longValue())
                        .isEqualTo(((Number) fromRecords.get(i).get("records")).longValue());
                assertThat(((Number) fromLedger.get(i).get("estimated")).longValue())
                        .isEqualTo(((Number) fromRecords.get(i).get("estimated")).longValue());
            }
        });
    }
}
