package org.footprintledger.footprint.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The amortised footprint of one device in one month, in kg éqCO2, exact (see {@code DeviceAmortisation} for the
 * rule). Separate from the regulated figure: never add it to a statement's grams.
 *
 * @param ageMonths               whole months from the acquisition month to {@code month} (0 in the acquisition month)
 * @param manufactureKgCo2e       the month's share of the manufacturing footprint (zero once the lifetime is over)
 * @param useKgCo2e               the month's share of the yearly use footprint
 * @param withinLifetime          whether the device is still within the lifetime its manufacture is amortised over
 */
public record DeviceFootprint(
        SubscriberDevice device,
        DeviceModel model,
        YearMonth month,
        int ageMonths,
        boolean withinLifetime,
        BigDecimal manufactureKgCo2e,
        BigDecimal useKgCo2e,
        BigDecimal totalKgCo2e) {

    /** Display rounding: kg to one decimal, half-up; only for showing, never for further arithmetic. */
    public static BigDecimal displayKg(BigDecimal kg) {
        return kg.setScale(1, RoundingMode.HALF_UP);
    }

    public LocalDate acquiredOn() {
        return device.acquiredOn();
    }

    /** The last month with a share of manufacture: the acquisition month plus the lifetime, rounded up, less one. */
    public YearMonth lastAmortisedMonth() {
        BigDecimal lifetimeMonths = model.lifetimeYears().multiply(BigDecimal.valueOf(12));
        return YearMonth.from(device.acquiredOn())
                .plusMonths(lifetimeMonths.setScale(0, RoundingMode.CEILING).longValueExact() - 1);
    }
}
