package org.footprintledger.content.api;

import java.util.List;

/** A subscriber's answers to a survey version: one rating from 1 to 5 per question, in question order. */
public record AnswerSurveyCommand(String subscriberId, int surveyVersion, List<Integer> ratings) {
}
