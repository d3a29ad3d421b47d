package org.footprintledger.portal.web.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.footprintledger.footprint.api.Canonical;
import org.footprintledger.footprint.api.DeviceFootprint;

/**
 * The device view as the API and the customer page show it: per device the month's amortised manufacture and use in
 * kg éqCO2, each rounded half-up to one decimal (the exact values beside them), always with the label saying it is
 * outside the regulated figure. Totals add up what is shown: a device's total is its rounded manufacture plus its
 * rounded use, the section's total the sum of the devices' totals (so it may differ from the exact total, kept in
 * {@code exactTotalKgCo2e}, by up to 0.05 kg per figure). The total is the devices' only: never added to a statement.
 */
public record DeviceView(String subscriberId, String month, String scope, String method, List<Device> devices,
                  BigDecimal totalKgCo2e, String exactTotalKgCo2e) {

    static final String SCOPE = "hors périmètre réglementaire : non inclus dans l'équivalent CO2 de la consommation";
    static final String METHOD = "Empreinte des équipements (hors périmètre de la méthode ADEME, qui exclut les "
            + "terminaux) : la fabrication est amortie linéairement sur la durée de vie (fabrication ÷ (durée de vie "
            + "en années × 12) chaque mois à partir du mois d'acquisition, puis zéro), plus l'usage annuel ÷ 12 "
            + "chaque mois. Valeurs arrondies au dixième de kg le plus proche (demi vers le haut). La box internet "
            + "est déjà comprise dans le facteur ADEME de l'internet fixe : elle figure ici à titre indicatif.";
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter FRENCH_MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    public record Device(String deviceId, String modelId, String name, String nameEn, LocalDate acquiredOn, int ageMonths,
                  boolean withinLifetime, String lastAmortisedMonth, BigDecimal manufactureKgCo2e,
                  BigDecimal useKgCo2e, BigDecimal totalKgCo2e, Exact exact, String source) {

        /** For the page: "10/01/2025". */
        public String acquiredOnFr() {
            return FRENCH_DATE.format(acquiredOn);
        }

        public String lastAmortisedMonthFr() {
            return FRENCH_MONTH.format(java.time.YearMonth.parse(lastAmortisedMonth));
        }

        public String manufactureFr() {
            return kgFr(manufactureKgCo2e);
        }

        public String useFr() {
            return kgFr(useKgCo2e);
        }

        public String totalFr() {
            return kgFr(totalKgCo2e);
        }
    }

    public record Exact(String manufactureKgCo2e, String useKgCo2e, String totalKgCo2e) {
    }

    static DeviceView of(String subscriberId, java.time.YearMonth month, List<DeviceFootprint> footprints) {
        BigDecimal exactTotal = BigDecimal.ZERO;
        BigDecimal shownTotal = BigDecimal.ZERO;
        List<Device> devices = new java.util.ArrayList<>();
        for (DeviceFootprint f : footprints) {
            BigDecimal manufacture = DeviceFootprint.displayKg(f.manufactureKgCo2e());
            BigDecimal use = DeviceFootprint.displayKg(f.useKgCo2e());
            BigDecimal total = manufacture.add(use);
            exactTotal = exactTotal.add(f.totalKgCo2e());
            shownTotal = shownTotal.add(total);
            devices.add(new Device(f.device().deviceId(), f.model().modelId(), f.model().nameFr(),
                    f.model().nameEn() == null ? f.model().nameFr() : f.model().nameEn(), f.acquiredOn(),
                    f.ageMonths(), f.withinLifetime(), f.lastAmortisedMonth().toString(), manufacture, use, total,
                    new Exact(Canonical.decimal(f.manufactureKgCo2e()), Canonical.decimal(f.useKgCo2e()),
                            Canonical.decimal(f.totalKgCo2e())),
                    f.model().source()));
        }
        return new DeviceView(subscriberId, month.toString(), SCOPE, METHOD, List.copyOf(devices), shownTotal,
                Canonical.decimal(exactTotal));
    }

    /** For the page: each model's source once, "Smartphone — Étude ADEME-Arcep …". */
    public List<String> sources() {
        return devices.stream().map(d -> d.name() + " — " + d.source()).distinct().toList();
    }

    /** For the page: the devices' total, "4,3". */
    public String totalFr() {
        return kgFr(totalKgCo2e);
    }

    /** French display of a rounded kg figure: "2,8". */
    static String kgFr(BigDecimal kg) {
        return kg.toPlainString().replace('.', ',');
    }
}
