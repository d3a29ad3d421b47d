package org.footprintledger.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.footprintledger.footprint.api.ClosePage;
import org.footprintledger.footprint.api.LineMonthUsage;
import org.footprintledger.footprint.api.SubscriberMonthUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The month close's walk of the counted usage ({@link LineMonthTotals#toClose}) on a real PostgreSQL: pages of whole
 * subscribers in id order, each subscriber exactly once, the late facts still waiting taken off its totals, nothing
 * of a subscriber whose records all count nothing, and a subscriber whose usage contradicts itself named, not stated.
 */
class MonthCloseWalkTest {

    private static final YearMonth MONTH = YearMonth.of(2025, 3);

    private static MigratedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static LineMonthTotals totals;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = MigratedPostgres.start();
        DataSource database = postgres.dataSource();
        jdbc = new JdbcTemplate(database);
        totals = new LineMonthTotals(jdbc, new DataSourceTransactionManager(database));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() {
        jdbc.update("DELETE FROM usage_line_month");
        jdbc.update("DELETE FROM usage_ledger_fact");
    }

    @Test
    void a_walk_in_small_pages_gives_every_subscriber_with_usage_once_in_order_with_all_its_lines() {
        for (int s = 0; s < 23; s++) {
            String subscriber = String.format("S%03d", s);
            int lines = s % 3 + 1;
            for (int l = 0; l < lines; l++) {
                // the second line of every fifth subscriber counts nothing (its records were all replaced away)
                counted(subscriber, subscriber + "-L" + l, MONTH, s % 5 == 0 && l == 1 ? 0 : 1_000L * (s + 1),
                        s % 5 == 0 && l == 1 ? 0 : 2);
            }
        }
        counted("S999", "S999-L0", MONTH.plusMonths(1), 5_000, 1);

        List<List<SubscriberMonthUsage>> pages = walk(MONTH, 4);

        List<String> walked = pages.stream().flatMap(List::stream).map(SubscriberMonthUsage::subscriberId).toList();
        assertThat(walked).hasSize(23).doesNotHaveDuplicates().isSorted().doesNotContain("S999");
        assertThat(pages).allSatisfy(page -> assertThat(page).isNotEmpty().hasSizeLessThanOrEqualTo(4));
        pages.stream().flatMap(List::stream).forEach(usage -> {
            int s = Integer.parseInt(usage.subscriberId().substring(1));
            assertThat(usage.month()).isEqualTo(MONTH);
            assertThat(usage.lines()).extracting(LineMonthUsage::lineId).hasSize(s % 3 + 1);
        });
        assertThat(pages.get(0).get(0).lines()).extracting(LineMonthUsage::bytes).containsExactly(1_000L);
    }

    @Test
    void a_subscriber_whose_lines_all_count_nothing_has_no_statement_and_does_not_stop_the_walk() {
        counted("A", "A-L0", MONTH, 10, 1);
        for (int s = 0; s < 10; s++) {
            counted("B" + s, "B" + s + "-L0", MONTH, 0, 0);
        }
        counted("C", "C-L0", MONTH, 30, 1);

        List<String> walked = walk(MONTH, 1).stream().flatMap(List::stream).map(SubscriberMonthUsage::subscriberId)
                .toList();

        assertThat(walked).containsExactly("A", "C");
    }

    @Test
    void late_facts_still_waiting_for_the_ledger_are_taken_off_the_totals_the_close_states() {
        counted("A", "A-L0", MONTH, 10_000, 5);
        counted("A", "A-L1", MONTH, 700, 1);
        waiting("A", "A-L0", MONTH, 2_500, 2);
        waiting("A", "A-L0", MONTH, 500, 1);
        waiting("A", "A-L0", MONTH.plusMonths(1), 99, 1);

        List<LineMonthUsage> lines = totals.toClose(MONTH, "", 10).usage().get(0).lines();

        assertThat(lines).extracting(LineMonthUsage::lineId, LineMonthUsage::bytes, LineMonthUsage::records)
                .containsExactly(tuple("A-L0", 7_000L, 2L),
                        tuple("A-L1", 700L, 1L));
    }

    @Test
    void a_subscriber_whose_usage_contradicts_itself_is_named_and_left_out_and_the_walk_goes_on() {
        counted("A", "A-L0", MONTH, 10_000, 5);
        counted("B", "B-L0", MONTH, 10_000, 5);
        counted("B", "B-L1", MONTH, 500, 1);
        waiting("B", "B-L1", MONTH, 900, 1); // more late usage than counted: a write outside the product
        counted("C", "C-L0", MONTH, 30, 1);

        List<ClosePage> pages = walkPages(MONTH, 1);

        assertThat(pages.stream().flatMap(page -> page.usage().stream()).map(SubscriberMonthUsage::subscriberId))
                .containsExactly("A", "C");
        assertThat(pages.stream().flatMap(page -> page.inconsistencies().stream())).singleElement().asString()
                .contains("subscriber B in 2025-03", "line B-L1", "bytes -400");
    }

    private static List<List<SubscriberMonthUsage>> walk(YearMonth month, int limit) {
        List<List<SubscriberMonthUsage>> pages = new ArrayList<>();
        for (ClosePage page : walkPages(month, limit)) {
            assertThat(page.inconsistencies()).isEmpty();
            pages.add(page.usage());
        }
        return pages;
    }

    private static List<ClosePage> walkPages(YearMonth month, int limit) {
        List<ClosePage> pages = new ArrayList<>();
        for (ClosePage page = totals.toClose(month, "", limit); !page.isEnd();
             page = totals.toClose(month, page.lastSubscriberId(), limit)) {
            pages.add(page);
        }
        return pages;
    }

    private static void counted(String subscriber, String line, YearMonth month, long bytes, long records) {
        jdbc.update("INSERT INTO usage_line_month (line_id, month, subscriber_id, line_type, technology, bytes, "
                + "records, estimated_records) VALUES (?, ?, ?, 'MOBILE', '4G', ?, ?, 0)", line, month.toString(),
                subscriber, bytes, records);
    }

    private static void waiting(String subscriber, String line, YearMonth month, long bytes, long records) {
        jdbc.update("INSERT INTO usage_ledger_fact (subscriber_id, month, line_id, line_type, technology, bytes_delta, "
                + "records_delta, estimated_delta, batch_id) VALUES (?, ?, ?, 'MOBILE', '4G', ?, ?, 0, 'b')",
                subscriber, month.toString(), line, bytes, records);
    }
}
