package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.footprintledger.footprint.api.LineType;

/** The factor sets known to the ledger; the set applied to a line-month is the latest one in force for that month. */
public final class FactorRegistry {

    /** ADEME simplified method (December 2021), in force from 2022-01-01: regulation.md section 2. */
    public static final FactorSet ADEME_2022 = new FactorSet(
            "ADEME-2022",
            "ADEME simplified method 2022",
            LocalDate.of(2022, 1, 1),
            BigDecimal.TEN.pow(9),
            Map.of(LineType.MOBILE, LineFactor.of("0", "49.4"),
                    LineType.FIXED, LineFactor.of("4100", "0")),
            "Méthode ADEME simplifiée 2022 : internet mobile 49,4 g éqCO2 par Go consommé (envoyé + reçu) ; "
                    + "internet fixe 4 100 g éqCO2 par mois pour une ligne utilisée, quel que soit le volume. "
                    + "1 Go = 10^9 octets. Valeurs arrondies à l'unité la plus proche (demi vers le haut).");

    private final List<FactorSet> sets;

    public FactorRegistry(List<FactorSet> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("a factor registry needs at least one factor set");
        }
        this.sets = sets.stream().sorted(Comparator.comparing(FactorSet::validFrom)).toList();
    }

    public static FactorRegistry seeded() {
        return new FactorRegistry(List.of(ADEME_2022));
    }

    public FactorSet inForceFor(YearMonth month) {
        FactorSet chosen = null;
        for (FactorSet set : sets) {
            if (set.inForceFor(month)) {
                chosen = set;
            }
        }
        if (chosen == null) {
            throw new IllegalArgumentException("no factor set in force for " + month);
        }
        return chosen;
    }
}
