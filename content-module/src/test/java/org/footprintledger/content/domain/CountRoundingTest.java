package org.footprintledger.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.footprintledger.content.api.Lang;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountRoundingTest {

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({
            "0.47, 0.5", "0.44, 0.4", "0.55, 0.6", "1.26, 1", "2.95, 3", "3.4, 3", "9.4, 9", "9.6, 10",
            "10.03, 10", "18.5, 19", "256.8, 257", "999.4, 999", "1000.6, 1001"})
    void below_ten_one_significant_digit_above_whole_numbers(String exact, String shown) {
        assertThat(CountRounding.round(new BigDecimal(exact))).isEqualByComparingTo(shown);
        assertThat(CountRounding.round(new BigDecimal(exact)).toPlainString()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} shown: {1}")
    @CsvSource({"0.4, false", "0.5, true", "1000, true", "1001, false"})
    void only_counts_from_half_to_a_thousand_are_shown(String rounded, boolean shown) {
        assertThat(CountRounding.shown(new BigDecimal(rounded))).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({"0.5, FR, '0,5', false", "1, EN, 1, false", "0.5, EN, 0.5, true", "2, FR, 2, true",
            "1.5, FR, '1,5', false"})
    void french_writes_a_decimal_comma_and_takes_the_singular_below_two(String rounded, Lang lang, String text,
                                                                       boolean plural) {
        assertThat(CountRounding.format(new BigDecimal(rounded), lang)).isEqualTo(text);
        assertThat(CountRounding.plural(new BigDecimal(rounded), lang)).isEqualTo(plural);
    }
}
