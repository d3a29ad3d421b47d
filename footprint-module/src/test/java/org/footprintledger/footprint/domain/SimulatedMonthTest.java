package org.footprintledger.footprint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.footprintledger.footprint.api.Simulations.MonthReport;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.Test;

/** A simulated month's figures: exact totals, nearest-rank quantiles, the largest changes, statements changed. */
class SimulatedMonthTest {

    @Test
    void quantiles_take_the_value_at_rank_ceil_q_times_n() {
        BigDecimal[] values = Arrays.stream(new int[] {7, 1, 3, 9, 5, 2, 8, 4, 6, 10}).mapToObj(BigDecimal::valueOf)
                .toArray(BigDecimal[]::new);
        var d = NearestRank.of(values, 10);
        // sorted 1..10: q1 rank ceil(2.5) = 3, median rank 5, q3 rank ceil(7.5) = 8, p95 rank ceil(9.5) = 10
        assertThat(d.min()).isEqualTo("1");
        assertThat(d.q1()).isEqualTo("3");
        assertThat(d.median()).isEqualTo("5");
        assertThat(d.q3()).isEqualTo("8");
        assertThat(d.p95()).isEqualTo("10");
        assertThat(d.max()).isEqualTo("10");
        assertThat(NearestRank.of(new BigDecimal[0], 0).min()).isNull();
    }

    @Test
    void a_month_under_another_set_reports_exact_totals_and_keeps_only_the_largest_changes() {
        SimulatedMonth month = new SimulatedMonth("2026-01", FactorRegistry.ADEME_2022, 2);
        // shown under an older set: 100 g, 200 g, 300 g for 1, 2, 3 Go (ADEME 2022 gives 49.4 g per Go)
        month.add("A", "A-1", LineType.MOBILE, Technology.MOBILE_4G, "100", 1_000_000_000L, 1);
        month.add("A", "A-2", LineType.MOBILE, Technology.MOBILE_5G, "200", 2_000_000_000L, 1);
        month.add("B", "B-1", LineType.MOBILE, null, "300", 3_000_000_000L, 1);
        // already shows the ADEME figure: unchanged
        month.add("C", "C-1", LineType.FIXED, Technology.FTTH, "4100", 5_000_000_000L, 1);
        MonthReport report = month.report(true);
        assertThat(report.exactGramsBefore()).isEqualTo("4700");
        // 49.4 + 98.8 + 148.2 + 4 100 = 4 396.4
        assertThat(report.exactGramsAfter()).isEqualTo("4396.4");
        assertThat(report.changePercent()).isEqualTo("-6.4596");
        assertThat(report.linesChanged()).isEqualTo(3);
        assertThat(report.statementsChanged()).isEqualTo(2);
        assertThat(report.statementsCompared()).isEqualTo(3);
        assertThat(report.largestChanges()).extracting(c -> c.lineId()).containsExactly("B-1", "A-2");
        assertThat(report.largestChanges().get(0).exactDifference()).isEqualTo("-151.8");
        assertThat(report.differenceGrams().median()).isEqualTo("-101.2");
        assertThat(report.differencePercent().max()).isEqualTo("0");
    }
}
