package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.footprintledger.content.api.EquivalenceInput;

/** The ten seeded ADEME Impact CO2 equivalences (regulation.md section 3), as the selection sees them. */
final class Catalogue {

    static final List<Equivalence> SEEDED = List.of(
            entry(1, "car-thermal", "km en voiture thermique", "km en voiture thermique", "km by car", "km by car",
                    "0.2176"),
            entry(2, "car-electric", "km en voiture électrique", "km en voiture électrique", "km by electric car",
                    "km by electric car", "0.1034"),
            entry(3, "train-tgv", "km en TGV", "km en TGV", "km by TGV", "km by TGV", "0.00293"),
            entry(4, "bus-thermal", "km en bus thermique", "km en bus thermique", "km by bus", "km by bus", "0.1224"),
            entry(5, "meal-beef", "repas avec du bœuf", "repas avec du bœuf", "beef meal", "beef meals", "7.26"),
            entry(6, "meal-vegetarian", "repas végétarien", "repas végétariens", "vegetarian meal",
                    "vegetarian meals", "0.51"),
            entry(7, "video-streaming", "heure de streaming vidéo", "heures de streaming vidéo",
                    "hour of video streaming", "hours of video streaming", "0.064"),
            entry(8, "email", "e-mail envoyé", "e-mails envoyés", "email sent", "emails sent", "0.0025"),
            entry(9, "tshirt-cotton", "T-shirt en coton", "T-shirts en coton", "cotton T-shirt", "cotton T-shirts",
                    "6.43"),
            entry(10, "flight-paris-new-york", "aller-retour Paris–New York en avion",
                    "allers-retours Paris–New York en avion", "Paris–New York return flight",
                    "Paris–New York return flights", "2060"));

    private Catalogue() {
    }

    static Equivalence entry(long id, String key, String frS, String frP, String enS, String enP, String kg) {
        return new Equivalence(id, 1, new EquivalenceInput(key, frS, frP, enS, enP, new BigDecimal(kg), "unit",
                "ADEME Impact CO2 (impactco2.fr), values at 2026-07", LocalDate.of(2026, 7, 1)));
    }
}
