package org.footprintledger.footprint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.footprintledger.footprint.api.DeviceFootprint;
import org.footprintledger.footprint.api.DeviceModel;
import org.footprintledger.footprint.api.SubscriberDevice;
import org.junit.jupiter.api.Test;

/** The device view's rule, with figures computed by hand from regulation.md section 4. */
class DeviceAmortisationTest {

    static final DeviceModel SMARTPHONE = model("smartphone", "85.1", "0.2", "2.5");
    static final DeviceModel BOX = model("internet-box", "61.4", "4.2", "5");

    private static DeviceModel model(String id, String manufacture, String usePerYear, String lifetimeYears) {
        return new DeviceModel(id, id, id, new BigDecimal(manufacture), new BigDecimal(usePerYear),
                new BigDecimal(lifetimeYears), "ADEME-Arcep study via Impact CO2");
    }

    private static DeviceFootprint footprint(DeviceModel model, String acquiredOn, String month) {
        return DeviceAmortisation.footprint(new SubscriberDevice("d1", model.modelId(), LocalDate.parse(acquiredOn)),
                model, YearMonth.parse(month));
    }

    @Test
    void a_box_within_its_lifetime_costs_a_sixtieth_of_its_manufacture_plus_a_twelfth_of_its_use() {
        // 61.4 kg / (5 years x 12) = 1.02333… kg (16 significant digits); 4.2 kg / 12 = 0.35 kg
        DeviceFootprint box = footprint(BOX, "2024-03-15", "2025-01");

        assertThat(box.ageMonths()).isEqualTo(10);
        assertThat(box.withinLifetime()).isTrue();
        assertThat(box.manufactureKgCo2e()).isEqualByComparingTo("1.023333333333333");
        assertThat(box.useKgCo2e()).isEqualByComparingTo("0.35");
        assertThat(box.totalKgCo2e()).isEqualByComparingTo("1.373333333333333");
        assertThat(DeviceFootprint.displayKg(box.manufactureKgCo2e())).isEqualByComparingTo("1.0");
        assertThat(DeviceFootprint.displayKg(box.useKgCo2e())).isEqualByComparingTo("0.4"); // 0.35 half-up
        assertThat(DeviceFootprint.displayKg(box.totalKgCo2e())).isEqualByComparingTo("1.4");
    }

    @Test
    void a_smartphone_within_its_lifetime_costs_a_thirtieth_of_its_manufacture() {
        // 85.1 kg / (2.5 years x 12) = 2.83666… kg; 0.2 kg / 12 = 0.0166… kg
        DeviceFootprint phone = footprint(SMARTPHONE, "2025-06-30", "2025-06");

        assertThat(phone.ageMonths()).isZero();
        assertThat(phone.withinLifetime()).isTrue();
        assertThat(phone.manufactureKgCo2e()).isEqualByComparingTo("2.836666666666667");
        assertThat(phone.useKgCo2e()).isEqualByComparingTo("0.01666666666666667");
        assertThat(phone.totalKgCo2e()).isEqualByComparingTo("2.85333333333333367");
        assertThat(DeviceFootprint.displayKg(phone.manufactureKgCo2e())).isEqualByComparingTo("2.8");
        assertThat(DeviceFootprint.displayKg(phone.totalKgCo2e())).isEqualByComparingTo("2.9");
    }

    @Test
    void the_acquisition_month_is_the_first_of_the_lifetime_and_the_last_month_is_age_lifetime_minus_one() {
        // a smartphone bought in January 2024 is amortised over 30 months: January 2024 to June 2026
        assertThat(footprint(SMARTPHONE, "2024-01-10", "2026-06").ageMonths()).isEqualTo(29);
        assertThat(footprint(SMARTPHONE, "2024-01-10", "2026-06").withinLifetime()).isTrue();
        assertThat(footprint(SMARTPHONE, "2024-01-10", "2026-06").manufactureKgCo2e())
                .isEqualByComparingTo("2.836666666666667");
        assertThat(footprint(SMARTPHONE, "2024-01-10", "2026-07").withinLifetime()).isFalse();
        assertThat(footprint(SMARTPHONE, "2024-01-10", "2024-05").lastAmortisedMonth())
                .isEqualTo(YearMonth.of(2026, 6));
    }

    @Test
    void after_its_lifetime_a_device_costs_only_its_use() {
        DeviceFootprint box = footprint(BOX, "2020-03-15", "2025-03"); // 60 months later

        assertThat(box.ageMonths()).isEqualTo(60);
        assertThat(box.withinLifetime()).isFalse();
        assertThat(box.manufactureKgCo2e()).isZero();
        assertThat(box.useKgCo2e()).isEqualByComparingTo("0.35");
        assertThat(box.totalKgCo2e()).isEqualByComparingTo("0.35");
        assertThat(footprint(SMARTPHONE, "2015-01-01", "2025-03").totalKgCo2e())
                .isEqualByComparingTo("0.01666666666666667");
    }

    @Test
    void the_monthly_shares_add_up_to_the_manufacture_figure() {
        BigDecimal sum = BigDecimal.ZERO;
        for (YearMonth month = YearMonth.of(2024, 1); month.isBefore(YearMonth.of(2027, 1)); month = month.plusMonths(1)) {
            sum = sum.add(footprint(SMARTPHONE, "2024-01-10", month.toString()).manufactureKgCo2e());
        }
        // 30 x 2.836666666666667: the 16th digit is the only drift
        assertThat(sum).isEqualByComparingTo("85.10000000000001");
    }

    @Test
    void a_lifetime_that_is_not_whole_months_ends_with_a_partial_share() {
        DeviceModel gadget = model("gadget", "10", "0", "0.1"); // 1.2 months
        assertThat(footprint(gadget, "2025-01-01", "2025-01").manufactureKgCo2e())
                .isEqualByComparingTo("8.333333333333333"); // 10 x 1 / 1.2
        DeviceFootprint last = footprint(gadget, "2025-01-01", "2025-02");
        assertThat(last.manufactureKgCo2e()).isEqualByComparingTo("1.666666666666667"); // 10 x 0.2 / 1.2
        assertThat(last.withinLifetime()).isTrue();
        assertThat(last.lastAmortisedMonth()).isEqualTo(YearMonth.of(2025, 2));
        assertThat(footprint(gadget, "2025-01-01", "2025-03").manufactureKgCo2e()).isZero();
    }

    @Test
    void a_month_before_the_acquisition_has_no_footprint_to_compute() {
        assertThatThrownBy(() -> footprint(BOX, "2025-03-01", "2025-02"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acquired on 2025-03-01");
    }

    @Test
    void the_model_must_be_the_devices_own() {
        assertThatThrownBy(() -> DeviceAmortisation.footprint(
                new SubscriberDevice("d1", "smartphone", LocalDate.of(2025, 1, 1)), BOX, YearMonth.of(2025, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
