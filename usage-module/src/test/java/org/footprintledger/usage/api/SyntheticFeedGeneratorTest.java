package org.footprintledger.usage.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticFeedGeneratorTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);

    private static String feed(int subscribers, int days, long seed) throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticFeedGenerator(subscribers, days, LAST_DAY, seed).writeCsv(out);
        return out.toString();
    }

    @Test
    void the_same_seed_gives_the_same_feed_and_another_seed_another() throws IOException {
        assertThat(feed(50, 10, 1)).isEqualTo(feed(50, 10, 1));
        assertThat(feed(50, 10, 1)).isNotEqualTo(feed(50, 10, 2));
    }

    @Test
    void one_record_per_line_and_day_plus_the_duplicates_and_rerated_records_it_announces() throws IOException {
        StringWriter out = new StringWriter();
        SyntheticFeedGenerator.Summary summary = new SyntheticFeedGenerator(2000, 10, LAST_DAY, 3).writeCsv(out);
        List<String> rows = out.toString().lines().skip(1).toList();

        assertThat(out.toString()).startsWith("record_id,subscriber_id,line_id,line_type,technology,usage_date,bytes_down,bytes_up,estimated,replaces\n");
        assertThat(rows).hasSize((int) summary.rows());
        assertThat(summary.rows()).isEqualTo(summary.lines() * 10 + summary.duplicates() + summary.rerated());
        assertThat(summary.lines()).isBetween(2000L * 17 / 10, 2000L * 2);
        assertThat(summary.duplicates()).isPositive();
        assertThat(summary.rerated()).isPositive();
        assertThat(summary.invalid()).isPositive();
        assertThat(rows.stream().filter(r -> r.split(",", -1).length == 10 && r.split(",", -1)[9].isEmpty()
                && !r.contains("\"")).map(r -> r.split(",")[5]).filter(d -> !d.startsWith("2099")).distinct())
                .hasSize(10).allMatch(d -> !LocalDate.parse(d).isAfter(LAST_DAY));
    }

    @Test
    void it_names_the_subscribers_with_a_fixed_line() throws IOException {
        List<String> withFixedLine = new SyntheticFeedGenerator(50, 2, LAST_DAY, 5).subscribersWithFixedLine();
        List<String> inTheFeed = feed(50, 2, 5).lines().skip(1).map(r -> r.split(",", -1))
                .filter(f -> f.length > 3 && f[3].equals("FIXED")).map(f -> f[1]).distinct().sorted().toList();

        assertThat(withFixedLine).isEqualTo(inTheFeed).isNotEmpty().hasSizeLessThan(50);
    }

    @Test
    void fixed_lines_carry_far_more_data_than_mobile_lines() throws IOException {
        long mobile = 0;
        long fixed = 0;
        for (String row : feed(500, 5, 4).lines().skip(1).toList()) {
            String[] f = row.split(",", -1);
            if (f.length != 10 || row.contains("\"") || f[6].startsWith("-")) {
                continue;
            }
            long bytes = Long.parseLong(f[6]) + Long.parseLong(f[7]);
            if (f[3].equals("MOBILE")) {
                assertThat(f[4]).isIn("3G", "4G", "5G");
                mobile += bytes;
            } else {
                assertThat(f[4]).isIn("FTTH", "XDSL", "CABLE");
                fixed += bytes;
            }
        }
        assertThat(fixed).isGreaterThan(5 * mobile);
    }
}
