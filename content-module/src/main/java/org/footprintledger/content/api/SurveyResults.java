package org.footprintledger.content.api;

import java.util.List;

/**
 * What customers answered to the survey in one calendar quarter ({@code 2026-Q4}): how many answered, and per question
 * of each version answered that quarter the count, the average and the distribution of the ratings 1 to 5.
 */
public record SurveyResults(String quarter, long answers, List<QuestionResults> questions) {
}
