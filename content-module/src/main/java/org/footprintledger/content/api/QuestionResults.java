package org.footprintledger.content.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answers to one question of one survey version in a quarter: {@code counts} holds how many gave each rating, 1
 * to 5 (index 0 for 1); {@code average} is exact to six decimals (half-up), null when nobody answered; {@code shares}
 * is each rating's share of the answers, in 0..1, six decimals (half-up). Rounding for display is the page's.
 */
public record QuestionResults(
        int surveyVersion,
        int position,
        String textFr,
        String textEn,
        long answers,
        BigDecimal average,
        List<Long> counts,
        List<BigDecimal> shares) {

    public String text(Lang lang) {
        return lang == Lang.EN && textEn != null ? textEn : textFr;
    }
}
