package org.footprintledger.footprint.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A device model of the catalogue (regulation.md section 4), with the values as published and their source.
 * These figures are outside the regulated scope (ADEME network factors exclude user devices): whatever is computed
 * from them is shown apart from the statement, never added into it.
 *
 * @param manufactureKgCo2e manufacturing footprint of one device, kg éqCO2, whole life
 * @param useKgCo2ePerYear  footprint of its use (electricity), kg éqCO2 per year
 * @param lifetimeYears     the lifetime over which manufacture is amortised, in years (may be fractional: 2.5)
 */
public record DeviceModel(
        String modelId,
        String nameFr,
        String nameEn,
        BigDecimal manufactureKgCo2e,
        BigDecimal useKgCo2ePerYear,
        BigDecimal lifetimeYears,
        String source) {

    public DeviceModel {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(nameFr, "nameFr");
        Objects.requireNonNull(source, "source");
        if (manufactureKgCo2e == null || manufactureKgCo2e.signum() < 0) {
            throw new IllegalArgumentException("manufactureKgCo2e must be zero or more");
        }
        if (useKgCo2ePerYear == null || useKgCo2ePerYear.signum() < 0) {
            throw new IllegalArgumentException("useKgCo2ePerYear must be zero or more");
        }
        if (lifetimeYears == null || lifetimeYears.signum() <= 0) {
            throw new IllegalArgumentException("lifetimeYears must be positive");
        }
    }
}
