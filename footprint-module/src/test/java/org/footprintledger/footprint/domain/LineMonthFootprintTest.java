package org.footprintledger.footprint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.Test;

class LineMonthFootprintTest {

    private static final FactorSet ADEME_2022 = FactorRegistry.ADEME_2022;

    @Test
    void a_mobile_line_emits_49_4_grams_per_go_exactly() {
        LineMonthFootprint footprint = LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, null, 12_999_999_999L, 30);

        assertThat(footprint.co2eGrams()).isEqualByComparingTo("642.1999999506");
        assertThat(footprint.exactGrams()).isEqualTo("642.1999999506");
        assertThat(footprint.displayedGrams()).isEqualTo(642);
        assertThat(footprint.dataGo()).isEqualByComparingTo("12.999999999");
        assertThat(footprint.displayedGo()).isEqualTo(13);
    }

    @Test
    void a_fixed_line_with_usage_emits_a_flat_4100_grams_whatever_the_volume() {
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.FIXED, null, 1, 1).exactGrams()).isEqualTo("4100");
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.FIXED, null, 900_000_000_000L, 31).displayedGrams())
                .isEqualTo(4100);
    }

    @Test
    void a_fixed_line_without_any_record_emits_nothing() {
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.FIXED, null, 0, 0).displayedGrams()).isZero();
    }

    @Test
    void display_rounds_half_up_to_the_unit() {
        // 10 121 457 490 octets x 49.4 g/Go = 500.0000000060 g: rounds down; 10 131 578 948 octets = 500.5 g + ε: up
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, null, 10_121_457_490L, 1).displayedGrams())
                .isEqualTo(500);
        // exactly x.5 rounds up: 500 000 000 octets = 0.5 Go, and 0.5 Go rounds to 1 Go
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, null, 500_000_000L, 1).displayedGo())
                .isEqualTo(1);
        // 24.7 g exactly for 0.5 Go rounds to 25 g
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, null, 500_000_000L, 1).displayedGrams())
                .isEqualTo(25);
        // just under one half rounds down
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, null, 499_999_999L, 1).displayedGo())
                .isZero();
    }

    @Test
    void exact_figures_keep_every_decimal_and_add_without_drift() {
        BigDecimal sum = BigDecimal.ZERO;
        for (int day = 0; day < 31; day++) {
            sum = sum.add(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, null, 333_333_333L, 1).co2eGrams());
        }
        assertThat(sum).isEqualByComparingTo(
                LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, null, 31 * 333_333_333L, 31).co2eGrams());
    }

    @Test
    void a_negative_usage_cannot_be_computed() {
        assertThatThrownBy(() -> LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, null, -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static FactorSet operatorSet(String id, java.time.LocalDate from, String mobileGramsPerGo) {
        return new FactorSet(id, "operator " + id, "operator values under the RCP 2024", from, null,
                BigDecimal.TEN.pow(9), java.util.List.of(FactorValue.of(LineType.MOBILE, "0", mobileGramsPerGo, "test"),
                FactorValue.of(LineType.FIXED, "4100", "0", "test")), "summary of " + id);
    }

    @Test
    void the_registry_applies_the_set_in_force_for_the_month_changing_at_its_boundary() {
        FactorSet later = operatorSet("OP-2024", java.time.LocalDate.of(2024, 1, 1), "24.3");
        FactorRegistry registry = new FactorRegistry(java.util.List.of(
                new FactorSets.PublishedSet(later, java.time.Instant.parse("2024-02-01T00:00:00Z")),
                new FactorSets.PublishedSet(ADEME_2022, java.time.Instant.parse("2022-01-01T00:00:00Z"))));

        assertThat(registry.inForceFor(YearMonth.of(2023, 12)).id()).isEqualTo("ADEME-2022");
        assertThat(registry.inForceFor(YearMonth.of(2024, 1)).id()).isEqualTo("OP-2024");
        assertThatThrownBy(() -> registry.inForceFor(YearMonth.of(2021, 12)))
                .isInstanceOf(IllegalArgumentException.class);
        // before its publication, January 2024 was still computed under ADEME 2022
        assertThat(registry.inForceFor(YearMonth.of(2024, 1), java.time.Instant.parse("2024-01-15T00:00:00Z"))
                .orElseThrow().id()).isEqualTo("ADEME-2022");
    }

    @Test
    void a_value_for_the_line_technology_takes_precedence_over_the_line_type_default() {
        FactorSet perTechnology = new FactorSet("OP-TECH", "per technology", "operator values", 
                java.time.LocalDate.of(2024, 1, 1), null, BigDecimal.TEN.pow(9), java.util.List.of(
                FactorValue.of(LineType.MOBILE, "0", "30", "test"),
                new FactorValue(LineType.MOBILE, Technology.MOBILE_5G, BigDecimal.ZERO, new BigDecimal("20"), "test"),
                FactorValue.of(LineType.FIXED, "4100", "0", "test")), "summary");

        assertThat(LineMonthFootprint.compute(perTechnology, LineType.MOBILE, Technology.MOBILE_5G, 2_000_000_000L, 1)
                .exactGrams()).isEqualTo("40");
        assertThat(LineMonthFootprint.compute(perTechnology, LineType.MOBILE, Technology.MOBILE_4G, 2_000_000_000L, 1)
                .exactGrams()).isEqualTo("60");
    }

    @Test
    void the_unit_is_part_of_the_method_one_go_may_be_two_to_the_thirty_octets() {
        FactorSet binary = new FactorSet("BIN", "binary Go", "ADEME 2022 with 1 Go = 2^30 octets",
                java.time.LocalDate.of(2022, 1, 1), null, new BigDecimal(1L << 30), ADEME_2022.values(), "summary");

        LineMonthFootprint footprint = LineMonthFootprint.compute(binary, LineType.MOBILE, null, 1L << 30, 1);
        assertThat(footprint.exactGrams()).isEqualTo("49.4");
        assertThat(LineMonthFootprint.compute(binary, LineType.MOBILE, null, 1L << 29, 1).exactGrams())
                .isEqualTo("24.7");
    }

    @Test
    void a_factor_set_without_a_default_for_each_line_type_or_sources_is_refused() {
        assertThatThrownBy(() -> new FactorSet("X", "x", "x", java.time.LocalDate.of(2024, 1, 1), null,
                BigDecimal.TEN.pow(9), java.util.List.of(FactorValue.of(LineType.MOBILE, "0", "1", "s")), "x"))
                .hasMessageContaining("no default value for FIXED");
        assertThatThrownBy(() -> FactorValue.of(LineType.MOBILE, "0", "1", " "))
                .hasMessageContaining("source");
        assertThatThrownBy(() -> FactorValue.of(LineType.MOBILE, "-1", "1", "s"))
                .hasMessageContaining("negative");
    }

    @Test
    void dividing_by_a_power_of_ten_moves_the_decimal_point_and_equals_the_exact_division() {
        for (long bytes : new long[] {0, 1, 999_999_999L, 1_000_000_000L, 12_999_999_999L, Long.MAX_VALUE}) {
            BigDecimal expected = new BigDecimal(bytes).divide(BigDecimal.TEN.pow(9), java.math.MathContext.UNLIMITED);
            assertThat(LineMonthFootprint.goOf(bytes, BigDecimal.TEN.pow(9))).isEqualByComparingTo(expected);
            assertThat(LineMonthFootprint.goOf(bytes, new BigDecimal("1E+9"))).isEqualByComparingTo(expected);
        }
        assertThat(LineMonthFootprint.goOf(1L << 29, new BigDecimal(1L << 30))).isEqualByComparingTo("0.5");
    }
}
