package org.footprintledger.content.domain;

import java.time.LocalDate;
import java.util.List;
import org.footprintledger.content.api.ContentInputException;

/**
 * Limits of customer feedback: a comment of at most 500 characters (Unicode code points; blank counts as none);
 * survey ratings from 1 to 5, one per question; the survey is offered once per calendar quarter ("2026-Q4").
 */
public final class FeedbackRules {

    public static final int MAX_COMMENT = 500;

    private FeedbackRules() {
    }

    /** The comment to store: null when blank; 400 naming {@code comment} when longer than 500 characters. */
    public static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        int length = comment.codePointCount(0, comment.length());
        if (length > MAX_COMMENT) {
            throw new ContentInputException("comment", "at most " + MAX_COMMENT + " characters, got " + length);
        }
        return comment.strip();
    }

    public static void ratings(List<Integer> ratings, int questions) {
        if (ratings == null || ratings.size() != questions) {
            throw new ContentInputException("ratings", "one rating per question (" + questions + ") expected");
        }
        for (int i = 0; i < ratings.size(); i++) {
            Integer rating = ratings.get(i);
            if (rating == null || rating < 1 || rating > 5) {
                throw new ContentInputException("ratings[" + i + "]", "a rating from 1 to 5, got " + rating);
            }
        }
    }

    public static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** A quarter as written in the address ("2026-Q4"); 400 naming {@code field} otherwise. */
    public static String quarter(String field, String quarter) {
        if (quarter == null || !quarter.matches("\\d{4}-Q[1-4]")) {
            throw new ContentInputException(field, "a quarter such as 2026-Q4 is required, got \"" + quarter + "\"");
        }
        return quarter;
    }

    /** The first month of a quarter ("2026-Q4": October 2026). */
    public static java.time.YearMonth firstMonth(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(6) - '0';
        return java.time.YearMonth.of(year, (q - 1) * 3 + 1);
    }
}
