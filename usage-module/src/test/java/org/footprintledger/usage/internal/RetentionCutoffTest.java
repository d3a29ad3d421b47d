package org.footprintledger.usage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** A month's records are dropped once its last day is older than the retention period, not a day sooner. */
class RetentionCutoffTest {

    @Test
    void a_month_is_kept_until_its_last_day_is_older_than_the_period() {
        Period twelveMonths = Period.ofMonths(12);
        // on 30 November 2026, 30 November 2025 is exactly twelve months old: November 2025 is still kept
        assertThat(PartitionRetention.firstKeptMonth(LocalDate.of(2026, 11, 30), twelveMonths))
                .isEqualTo(YearMonth.of(2025, 11));
        // from 1 December 2026 it is past the period, December 2025 is the oldest month kept
        assertThat(PartitionRetention.firstKeptMonth(LocalDate.of(2026, 12, 1), twelveMonths))
                .isEqualTo(YearMonth.of(2025, 12));
        assertThat(PartitionRetention.firstKeptMonth(LocalDate.of(2026, 3, 31), Period.ofMonths(3)))
                .isEqualTo(YearMonth.of(2025, 12));
    }
}
