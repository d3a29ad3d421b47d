package org.footprintledger.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import org.footprintledger.content.api.Caveat;
import org.footprintledger.content.api.SavingBasis;
import org.footprintledger.content.api.SavingEstimate;
import org.footprintledger.content.api.TipContext;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.Test;

/** Tips reach the lines they suit, with a saving computed as the statement is (ADEME-2022 factors). */
class EcoTipTest {

    private static final TipRule WIFI_AT_HOME = new TipRule(LineType.MOBILE,
            Set.of(Technology.MOBILE_4G, Technology.MOBILE_5G), new BigDecimal("20"), SavingBasis.VOLUME_SHARE,
            new BigDecimal("0.5"));
    private static final TipRule BOX_OFF = new TipRule(LineType.FIXED, Set.of(), null, SavingBasis.LINE_FLAT, null);
    private static final TipRule KEEP_PHONE = new TipRule(LineType.MOBILE, Set.of(), null,
            SavingBasis.OUTSIDE_METHOD, null);

    private static TipContext mobile(Technology technology, long bytes) {
        return new TipContext(LineType.MOBILE, technology, bytes, BigDecimal.ZERO, new BigDecimal("49.4"));
    }

    private static TipContext fixed(long bytes) {
        return new TipContext(LineType.FIXED, Technology.FTTH, bytes, new BigDecimal("4100"), BigDecimal.ZERO);
    }

    @Test
    void a_heavy_4g_user_gets_wifi_at_home_a_light_one_or_a_3g_one_does_not() {
        assertThat(TipTargeting.suits(WIFI_AT_HOME, mobile(Technology.MOBILE_4G, 25_000_000_000L))).isTrue();
        assertThat(TipTargeting.suits(WIFI_AT_HOME, mobile(Technology.MOBILE_5G, 20_000_000_000L))).isTrue();
        assertThat(TipTargeting.suits(WIFI_AT_HOME, mobile(Technology.MOBILE_4G, 19_999_999_999L))).isFalse();
        assertThat(TipTargeting.suits(WIFI_AT_HOME, mobile(Technology.MOBILE_3G, 25_000_000_000L))).isFalse();
        assertThat(TipTargeting.suits(WIFI_AT_HOME, fixed(300_000_000_000L))).isFalse();
    }

    @Test
    void an_unknown_technology_suits_every_technology_of_the_line_type() {
        assertThat(TipTargeting.suits(WIFI_AT_HOME, mobile(null, 25_000_000_000L))).isTrue();
    }

    @Test
    void moving_half_of_25_go_to_wifi_saves_half_of_25_go_at_49_4_g() {
        SavingEstimate saving = SavingEstimator.estimate(WIFI_AT_HOME, mobile(Technology.MOBILE_4G,
                25_000_000_001L));

        assertThat(saving.exactGrams()).isEqualByComparingTo("617.5000000247");
        assertThat(saving.displayedGrams()).isEqualTo(618);
        assertThat(saving.caveat()).isEqualTo(Caveat.PER_GO_CONVENTION);
    }

    @Test
    void the_box_stand_by_tip_saves_nothing_under_the_flat_method_and_says_why() {
        assertThat(TipTargeting.suits(BOX_OFF, fixed(1))).isTrue();

        SavingEstimate saving = SavingEstimator.estimate(BOX_OFF, fixed(200_000_000_000L));

        assertThat(saving.exactGrams()).isEqualByComparingTo("0");
        assertThat(saving.displayedGrams()).isZero();
        assertThat(saving.caveat()).isEqualTo(Caveat.FLAT_FIGURE);
        assertThat(saving.caveat().text(org.footprintledger.content.api.Lang.FR)).contains("forfait fixe");
    }

    @Test
    void device_tips_give_no_figure_under_the_network_method() {
        SavingEstimate saving = SavingEstimator.estimate(KEEP_PHONE, mobile(Technology.MOBILE_4G, 1));
        assertThat(saving.exactGrams()).isNull();
        assertThat(saving.caveat()).isEqualTo(Caveat.OUTSIDE_METHOD);
    }

    @Test
    void an_unknown_factor_gives_no_figure() {
        TipContext unknownFactor = new TipContext(LineType.MOBILE, null, 25_000_000_000L, null, null);
        assertThat(SavingEstimator.estimate(WIFI_AT_HOME, unknownFactor).exactGrams()).isNull();
    }

    @Test
    void usefulness_starts_at_one_half_and_follows_the_votes() {
        assertThat(Usefulness.score(0, 0)).isEqualByComparingTo("0.5");
        assertThat(Usefulness.score(1, 0)).isEqualByComparingTo("0.666667");
        assertThat(Usefulness.score(8, 2)).isEqualByComparingTo("0.75");
        assertThat(Usefulness.score(80, 20)).isGreaterThan(Usefulness.score(8, 2));
        assertThat(Usefulness.score(0, 3)).isEqualByComparingTo("0.2");
    }
}
