package org.footprintledger.footprint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.footprintledger.footprint.api.LineType;
import org.junit.jupiter.api.Test;

class LineMonthFootprintTest {

    private static final FactorSet ADEME_2022 = FactorRegistry.ADEME_2022;

    @Test
    void a_mobile_line_emits_49_4_grams_per_go_exactly() {
        LineMonthFootprint footprint = LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, 12_999_999_999L, 30);

        assertThat(footprint.co2eGrams()).isEqualByComparingTo("642.1999999506");
        assertThat(footprint.exactGrams()).isEqualTo("642.1999999506");
        assertThat(footprint.displayedGrams()).isEqualTo(642);
        assertThat(footprint.dataGo()).isEqualByComparingTo("12.999999999");
        assertThat(footprint.displayedGo()).isEqualTo(13);
    }

    @Test
    void a_fixed_line_with_usage_emits_a_flat_4100_grams_whatever_the_volume() {
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.FIXED, 1, 1).exactGrams()).isEqualTo("4100");
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.FIXED, 900_000_000_000L, 31).displayedGrams())
                .isEqualTo(4100);
    }

    @Test
    void a_fixed_line_without_any_record_emits_nothing() {
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.FIXED, 0, 0).displayedGrams()).isZero();
    }

    @Test
    void display_rounds_half_up_to_the_unit() {
        // 10 121 457 490 octets x 49.4 g/Go = 500.0000000060 g: rounds down; 10 131 578 948 octets = 500.5 g + ε: up
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, 10_121_457_490L, 1).displayedGrams())
                .isEqualTo(500);
        // exactly x.5 rounds up: 500 000 000 octets = 0.5 Go, and 0.5 Go rounds to 1 Go
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, 500_000_000L, 1).displayedGo())
                .isEqualTo(1);
        // 24.7 g exactly for 0.5 Go rounds to 25 g
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, 500_000_000L, 1).displayedGrams())
                .isEqualTo(25);
        // just under one half rounds down
        assertThat(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, 499_999_999L, 1).displayedGo())
                .isZero();
    }

    @Test
    void exact_figures_keep_every_decimal_and_add_without_drift() {
        BigDecimal sum = BigDecimal.ZERO;
        for (int day = 0; day < 31; day++) {
            sum = sum.add(LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, 333_333_333L, 1).co2eGrams());
        }
        assertThat(sum).isEqualByComparingTo(
                LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, 31 * 333_333_333L, 31).co2eGrams());
    }

    @Test
    void a_negative_usage_cannot_be_computed() {
        assertThatThrownBy(() -> LineMonthFootprint.compute(ADEME_2022, LineType.MOBILE, -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_registry_applies_the_set_in_force_for_the_month() {
        FactorSet later = new FactorSet("OP-2024", "operator RCP 2024", java.time.LocalDate.of(2024, 1, 1),
                BigDecimal.TEN.pow(9), java.util.Map.of(LineType.MOBILE, LineFactor.of("0", "24.3"),
                LineType.FIXED, LineFactor.of("4100", "0")), "summary");
        FactorRegistry registry = new FactorRegistry(java.util.List.of(later, ADEME_2022));

        assertThat(registry.inForceFor(YearMonth.of(2023, 12)).id()).isEqualTo("ADEME-2022");
        assertThat(registry.inForceFor(YearMonth.of(2024, 1)).id()).isEqualTo("OP-2024");
        assertThatThrownBy(() -> registry.inForceFor(YearMonth.of(2021, 12)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
