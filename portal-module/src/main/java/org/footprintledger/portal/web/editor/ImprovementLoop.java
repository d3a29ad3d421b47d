package org.footprintledger.portal.web.editor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.FeedbackComment;
import org.footprintledger.content.api.ItemReview;
import org.footprintledger.content.api.ItemStats;
import org.footprintledger.content.api.SurveyResults;
import org.springframework.stereotype.Component;

/**
 * What customers said in one quarter, as the improvement page and its downloads show it: the survey's results, the
 * quarter's visible comments, each item's monthly trend over the six months that end with the quarter, and the items
 * to review over those months.
 */
@Component
class ImprovementLoop {

    static final int TREND_MONTHS = 6;
    private final CustomerSurvey surveys;
    private final CustomerFeedback feedback;

    ImprovementLoop(CustomerSurvey surveys, CustomerFeedback feedback) {
        this.surveys = surveys;
        this.feedback = feedback;
    }

    Quarter of(String quarter) {
        SurveyResults results = surveys.results(quarter == null || quarter.isBlank() ? surveys.currentQuarter()
                : quarter.strip());
        YearMonth first = firstMonth(results.quarter());
        YearMonth last = first.plusMonths(2);
        List<FeedbackComment> comments = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            feedback.comments(month, false).stream().filter(c -> c.comment() != null).forEach(comments::add);
        }
        YearMonth from = last.minusMonths(TREND_MONTHS - 1);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        Map<String, Map<String, ItemStats>> trends = new LinkedHashMap<>();
        for (ItemStats stats : feedback.trends(from, last)) {
            trends.computeIfAbsent(stats.itemId() == null ? "page" : stats.itemId().toString(),
                    k -> new LinkedHashMap<>()).put(stats.month(), stats);
        }
        return new Quarter(results, previous(results.quarter()), next(results.quarter()), comments, months, trends,
                feedback.review(from, last));
    }

    /**
     * One quarter's loop; {@code trends} by item (its id, or "page") then month ("2026-10"), months without feedback
     * absent.
     */
    public record Quarter(SurveyResults survey, String previousQuarter, String nextQuarter, List<FeedbackComment> comments,
                   List<YearMonth> months, Map<String, Map<String, ItemStats>> trends, List<ItemReview> review) {

        /** Any month's stats of the item, for its id and key. */
        public ItemStats item(String trendKey) {
            return trends.get(trendKey).values().iterator().next();
        }

        public long flagged() {
            return review.stream().filter(ItemReview::flagged).count();
        }
    }

    private static YearMonth firstMonth(String quarter) {
        return YearMonth.of(Integer.parseInt(quarter.substring(0, 4)), (quarter.charAt(6) - '1') * 3 + 1);
    }

    private static String previous(String quarter) {
        YearMonth month = firstMonth(quarter).minusMonths(3);
        return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    }

    private static String next(String quarter) {
        YearMonth month = firstMonth(quarter).plusMonths(3);
        return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    }
}
