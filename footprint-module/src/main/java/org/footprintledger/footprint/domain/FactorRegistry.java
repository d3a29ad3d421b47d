package org.footprintledger.footprint.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets.PublishedSet;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.vocabulary.LineType;

/**
 * The published factor sets. The set applied to a month is, among those in force for it, the one with the latest
 * start of validity (the most recently published on a tie): a set published for a later period never touches an
 * earlier month, and a closed month keeps the set it was closed with unless an auditor restates it.
 */
public final class FactorRegistry {

    /** ADEME simplified method (December 2021), in force from 2022-01-01: regulation.md section 2. */
    public static final FactorSet ADEME_2022 = new FactorSet(
            "ADEME-2022",
            "ADEME 2022",
            "ADEME simplified method 2022 (transitional method of December 2021)",
            LocalDate.of(2022, 1, 1),
            null,
            BigDecimal.TEN.pow(9),
            List.of(FactorValue.of(LineType.MOBILE, "0", "49.4",
                            "ADEME via Bouygues Telecom corporate page (Feb 2022); SFR Caraïbe invoices (Feb 2022); "
                                    + "macg.co"),
                    FactorValue.of(LineType.FIXED, "4100", "0",
                            "ADEME via Bouygues Telecom; SFR Caraïbe; generation-nt.com")),
            "Méthode ADEME simplifiée 2022 : internet mobile 49,4 g éqCO2 par Go consommé (envoyé + reçu) ; "
                    + "internet fixe 4 100 g éqCO2 par mois pour une ligne utilisée, quel que soit le volume. "
                    + "1 Go = 10^9 octets. Valeurs arrondies à l'unité la plus proche (demi vers le haut).");

    private final List<PublishedSet> sets;

    public FactorRegistry(List<PublishedSet> sets) {
        this.sets = sets.stream().sorted(Comparator.comparing((PublishedSet p) -> p.factorSet().validFrom())
                .thenComparing(PublishedSet::publishedAt)).toList();
    }

    public FactorSet inForceFor(YearMonth month) {
        return inForceFor(month, Instant.MAX).orElseThrow(
                () -> new IllegalArgumentException("no factor set in force for " + month));
    }

    /** The set in force for a month as the registry stood at {@code asOf}. */
    public Optional<FactorSet> inForceFor(YearMonth month, Instant asOf) {
        FactorSet chosen = null;
        for (PublishedSet published : sets) {
            if (published.factorSet().inForceFor(month) && !published.publishedAt().isAfter(asOf)) {
                chosen = published.factorSet();
            }
        }
        return Optional.ofNullable(chosen);
    }

    public Optional<FactorSet> byId(String id) {
        return sets.stream().map(PublishedSet::factorSet).filter(s -> s.id().equals(id)).findFirst();
    }

    public List<PublishedSet> all() {
        return sets;
    }
}
