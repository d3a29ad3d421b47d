package org.footprintledger.content.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SurveyStatisticsTest {

    @Test
    void three_answers_rated_4_4_and_5_average_4_333333_with_two_thirds_rating_4() {
        SurveyStatistics statistics = SurveyStatistics.of(new long[] {0, 0, 0, 2, 1});

        assertThat(statistics.answers()).isEqualTo(3);
        assertThat(statistics.average()).isEqualByComparingTo("4.333333");
        assertThat(statistics.shares()).containsExactly(new BigDecimal("0.000000"), new BigDecimal("0.000000"),
                new BigDecimal("0.000000"), new BigDecimal("0.666667"), new BigDecimal("0.333333"));
    }

    @Test
    void a_question_nobody_answered_has_no_average_and_zero_shares() {
        SurveyStatistics statistics = SurveyStatistics.of(new long[5]);

        assertThat(statistics.answers()).isZero();
        assertThat(statistics.average()).isNull();
        assertThat(statistics.shares()).allMatch(share -> share.signum() == 0);
    }

    @Test
    void an_item_is_flagged_for_review_below_the_threshold_only_over_enough_ratings() {
        BigDecimal threshold = new BigDecimal("0.4");
        assertThat(Usefulness.needsReview(1, 4, threshold, 5)).as("2/7 over 5 ratings").isTrue();
        assertThat(Usefulness.needsReview(0, 1, threshold, 5)).as("a single no says too little").isFalse();
        assertThat(Usefulness.needsReview(2, 3, threshold, 5)).as("3/7 = 0.43").isFalse();
    }
}
