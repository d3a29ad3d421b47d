package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.footprintledger.content.api.ChosenEquivalence;
import org.footprintledger.content.api.Lang;

/**
 * Chooses the equivalences shown with a footprint. Rule: keep the entries whose rounded count lies in 0.5..1 000
 * (see {@link CountRounding}), order them by key, and take up to three, starting at a rotation offset of
 * (hash of the subscriber id + month number) modulo their number. The choice is reproducible for a subscriber and
 * month, and moves by one entry from a month to the next, so consecutive months differ whenever four or more
 * entries qualify. No entry qualifies below about 1 g: then none is shown.
 */
public final class EquivalenceSelection {

    public static final int MAX_CHOSEN = 3;

    private EquivalenceSelection() {
    }

    public static List<ChosenEquivalence> choose(BigDecimal grams, List<Equivalence> catalogue, String subscriberId,
                                                 YearMonth month) {
        List<Equivalence> eligible = catalogue.stream()
                .filter(e -> CountRounding.shown(CountRounding.round(e.countFor(grams))))
                .sorted(Comparator.comparing((Equivalence e) -> e.content().key()))
                .toList();
        if (eligible.isEmpty()) {
            return List.of();
        }
        int offset = Math.floorMod(subscriberId.hashCode() + month.getYear() * 12 + month.getMonthValue(),
                eligible.size());
        List<ChosenEquivalence> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_CHOSEN, eligible.size()); i++) {
            Equivalence entry = eligible.get((offset + i) % eligible.size());
            BigDecimal exact = entry.countFor(grams);
            BigDecimal rounded = CountRounding.round(exact);
            chosen.add(new ChosenEquivalence(entry.itemId(), entry.version(), exact, rounded,
                    entry.wording(rounded, Lang.FR), entry.wording(rounded, Lang.EN)));
        }
        return List.copyOf(chosen);
    }
}
