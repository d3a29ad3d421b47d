package org.footprintledger.content.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.footprintledger.content.api.ContentInputException;
import org.junit.jupiter.api.Test;

class FeedbackRulesTest {

    @Test
    void a_comment_of_500_characters_is_kept_501_is_refused() {
        assertThat(FeedbackRules.comment("é".repeat(500))).hasSize(500);
        assertThatThrownBy(() -> FeedbackRules.comment("a".repeat(501)))
                .isInstanceOf(ContentInputException.class).hasMessage("comment: at most 500 characters, got 501");
    }

    @Test
    void characters_are_counted_as_a_person_counts_them() {
        assertThat(FeedbackRules.comment("😀".repeat(500))).isNotNull();
    }

    @Test
    void a_blank_comment_is_no_comment() {
        assertThat(FeedbackRules.comment("   ")).isNull();
        assertThat(FeedbackRules.comment(null)).isNull();
    }

    @Test
    void survey_ratings_are_one_to_five_one_per_question() {
        FeedbackRules.ratings(List.of(1, 5, 3), 3);
        assertThatThrownBy(() -> FeedbackRules.ratings(List.of(1, 6, 3), 3)).hasMessageStartingWith("ratings[1]");
        assertThatThrownBy(() -> FeedbackRules.ratings(List.of(1, 2), 3)).hasMessageStartingWith("ratings");
    }

    @Test
    void quarters_are_calendar_quarters() {
        assertThat(FeedbackRules.quarterOf(LocalDate.of(2026, 1, 1))).isEqualTo("2026-Q1");
        assertThat(FeedbackRules.quarterOf(LocalDate.of(2026, 9, 30))).isEqualTo("2026-Q3");
        assertThat(FeedbackRules.quarterOf(LocalDate.of(2026, 12, 31))).isEqualTo("2026-Q4");
    }
}
