package org.footprintledger.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.footprintledger.content.api.ChosenEquivalence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EquivalenceSelectionTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @ParameterizedTest(name = "{0} g")
    @ValueSource(strings = {"3", "49.4", "642.1999999506", "4100", "24700", "500000"})
    void two_or_three_equivalences_each_with_a_count_a_person_can_picture(String grams) {
        List<ChosenEquivalence> chosen = EquivalenceSelection.choose(new BigDecimal(grams), Catalogue.SEEDED,
                "S0000001", OCTOBER);

        assertThat(chosen).hasSizeBetween(2, 3);
        assertThat(chosen).allSatisfy(c -> {
            assertThat(c.displayedCount()).isBetween(new BigDecimal("0.5"), new BigDecimal("1000"));
            assertThat(c.displayedCount()).isEqualByComparingTo(CountRounding.round(c.exactCount()));
        });
    }

    @Test
    void the_count_is_grams_over_the_grams_per_unit_and_the_wording_reads_naturally() {
        Equivalence car = Catalogue.SEEDED.get(0);

        BigDecimal count = car.countFor(new BigDecimal("642.1999999506"));

        assertThat(count).isEqualByComparingTo("2.951286764479");
        assertThat(car.wording(CountRounding.round(count), org.footprintledger.content.api.Lang.FR))
                .isEqualTo("≈ 3 km en voiture thermique");
        Equivalence meal = Catalogue.SEEDED.get(5);
        assertThat(meal.wording(new BigDecimal("0.5"), org.footprintledger.content.api.Lang.FR))
                .isEqualTo("≈ 0,5 repas végétarien");
        assertThat(meal.wording(new BigDecimal("6"), org.footprintledger.content.api.Lang.EN))
                .isEqualTo("≈ 6 vegetarian meals");
    }

    @Test
    void the_same_subscriber_and_month_always_get_the_same_choice() {
        BigDecimal grams = new BigDecimal("642.2");
        assertThat(EquivalenceSelection.choose(grams, Catalogue.SEEDED, "S0000001", OCTOBER))
                .isEqualTo(EquivalenceSelection.choose(grams, Catalogue.SEEDED, "S0000001", OCTOBER));
    }

    @Test
    void consecutive_months_show_different_equivalences() {
        BigDecimal grams = new BigDecimal("642.2");
        YearMonth month = YearMonth.of(2025, 1);
        for (int i = 0; i < 24; i++) {
            List<Long> thisMonth = ids(EquivalenceSelection.choose(grams, Catalogue.SEEDED, "S0000001", month));
            List<Long> next = ids(EquivalenceSelection.choose(grams, Catalogue.SEEDED, "S0000001",
                    month.plusMonths(1)));
            assertThat(next).as(month + " then " + month.plusMonths(1)).isNotEqualTo(thisMonth);
            month = month.plusMonths(1);
        }
    }

    @Test
    void a_footprint_too_small_for_any_equivalence_shows_none() {
        assertThat(EquivalenceSelection.choose(new BigDecimal("0.000001"), Catalogue.SEEDED, "S1", OCTOBER))
                .isEmpty();
    }

    @Test
    void the_choice_carries_the_entry_version_it_was_computed_with() {
        Equivalence v2 = new Equivalence(1, 2, Catalogue.entry(1, "car-thermal", "km en voiture thermique",
                "km en voiture thermique", "km", "km", "0.25").content());

        List<ChosenEquivalence> chosen = EquivalenceSelection.choose(new BigDecimal("1000"), List.of(v2),
                "S1", OCTOBER);

        assertThat(chosen).singleElement().satisfies(c -> {
            assertThat(c.itemId()).isEqualTo(1);
            assertThat(c.version()).isEqualTo(2);
            assertThat(c.wordingFr()).isEqualTo("≈ 4 km en voiture thermique");
        });
    }

    private static List<Long> ids(List<ChosenEquivalence> chosen) {
        return chosen.stream().map(ChosenEquivalence::itemId).toList();
    }
}
