package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.footprintledger.footprint.api.DeviceFootprint;
import org.footprintledger.footprint.api.DeviceModel;
import org.footprintledger.footprint.api.SubscriberDevice;

/**
 * The monthly footprint of a device: linear amortisation of its manufacture over its lifetime (Boavizta's rule,
 * regulation.md section 4) plus a twelfth of its yearly use. Outside the regulated scope.
 *
 * <p>Rule, per calendar month, the acquisition month counting as a whole first month ({@code age} = 0):
 * <ul>
 *   <li>lifetime in months {@code L = lifetimeYears × 12} (exact; 2.5 years = 30 months);</li>
 *   <li>manufacture share = {@code manufacture × (min(age + 1, L) − min(age, L)) / L}: {@code manufacture / L} in
 *       each month while {@code age + 1 ≤ L}, the remaining fraction in a last partial month when {@code L} is not
 *       whole, zero after; the shares add up to the manufacture figure;</li>
 *   <li>use share = {@code use per year / 12}, every month from the acquisition month on, lifetime over or not
 *       (a device kept longer still draws power);</li>
 *   <li>total = manufacture share + use share; the device is "within its lifetime" while {@code age < L}.</li>
 * </ul>
 * Divisions are made with {@link MathContext#DECIMAL64} (16 significant digits, half-even): 61.4 / 60 =
 * 1.023333333333333 kg. Nothing is rounded further here; display rounds kg half-up to one decimal
 * ({@link DeviceFootprint#displayKg}), so a box shows 1.0 kg of manufacture and 0.4 kg of use a month, a smartphone
 * 2.8 kg of manufacture.
 */
public final class DeviceAmortisation {

    public static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private DeviceAmortisation() {
    }

    /**
     * @throws IllegalArgumentException when the model is not the device's, or the month is before the acquisition
     *                                  month (the device was not there yet)
     */
    public static DeviceFootprint footprint(SubscriberDevice device, DeviceModel model, YearMonth month) {
        if (!model.modelId().equals(device.modelId())) {
            throw new IllegalArgumentException("device " + device.deviceId() + " is a " + device.modelId()
                    + ", not a " + model.modelId());
        }
        YearMonth acquired = YearMonth.from(device.acquiredOn());
        if (month.isBefore(acquired)) {
            throw new IllegalArgumentException("device " + device.deviceId() + " was acquired on "
                    + device.acquiredOn() + ", after " + month);
        }
        long age = ChronoUnit.MONTHS.between(acquired, month);
        BigDecimal lifetimeMonths = model.lifetimeYears().multiply(MONTHS_PER_YEAR);
        BigDecimal ageMonths = BigDecimal.valueOf(age);
        BigDecimal amortisedFraction = ageMonths.add(BigDecimal.ONE).min(lifetimeMonths)
                .subtract(ageMonths.min(lifetimeMonths));
        BigDecimal manufacture = amortisedFraction.signum() == 0 ? BigDecimal.ZERO
                : model.manufactureKgCo2e().multiply(amortisedFraction).divide(lifetimeMonths, PRECISION);
        BigDecimal use = model.useKgCo2ePerYear().divide(MONTHS_PER_YEAR, PRECISION);
        return new DeviceFootprint(device, model, month, Math.toIntExact(age),
                ageMonths.compareTo(lifetimeMonths) < 0, manufacture, use, manufacture.add(use));
    }
}
